// throw and catch of Error objects and non-Error values
try {
  throw new Error("plain");
} catch (e) {
  console.log(e.name, e.message, e instanceof Error);
}
var thrown = [42, "str", null, undefined, { code: 7 }, [1, 2], true];
for (var i = 0; i < thrown.length; i++) {
  try {
    throw thrown[i];
  } catch (e) {
    console.log(typeof e, e);
  }
}
try {
  throw new TypeError("bad type");
} catch (e) {
  console.log(String(e));
  console.log(e.name + ": " + e.message);
}
try {
  throw new RangeError("out of range");
} catch (e) {
  console.log(e instanceof RangeError, e instanceof TypeError, e.message);
}
function thrower() { throw "from function"; }
try { thrower(); } catch (x) { console.log("caught", x); }
var err = new Error();
console.log(err.message === "", String(err));
console.log(String(new Error("msg")));
