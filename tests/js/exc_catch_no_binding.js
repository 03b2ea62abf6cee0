// Optional catch binding: catch without a parameter
function parseDigit(c) {
  if (c < "0" || c > "9") throw new SyntaxError("not a digit: " + c);
  return c.charCodeAt(0) - 48;
}
function safeParse(c) {
  try {
    return parseDigit(c);
  } catch {
    return "invalid";
  }
}
console.log(safeParse("7"), safeParse("x"));
var ran = false;
try {
  null.x;
} catch {
  ran = true;
}
console.log(ran);
try {
  throw 1;
} catch {
  console.log("no binding needed");
} finally {
  console.log("finally too");
}
var e = "outer e";
try { throw "inner"; } catch { console.log(e); }
try { throw "x"; } catch (e) { e = "reassigned"; }
console.log(e);
