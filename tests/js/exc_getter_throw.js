// Exceptions thrown from getters, setters, constructors and toString
var o = {
  get bad() { throw new Error("getter failed"); },
  set bad(v) { throw new TypeError("setter failed " + v); },
};
try { o.bad; } catch (e) { console.log(e.message); }
try { o.bad = 5; } catch (e) { console.log(e.name, e.message); }
class Strict {
  constructor(v) {
    if (v < 0) throw new RangeError("negative: " + v);
    this.v = v;
  }
}
try {
  new Strict(-1);
} catch (e) {
  console.log(e.name, e.message);
}
console.log(new Strict(3).v);
var weird = { toString: function () { throw new Error("no string for you"); } };
try {
  var s = "" + weird;
} catch (e) {
  console.log("concat:", e.message);
}
try {
  `${weird}`;
} catch (e) {
  console.log("template:", e.message);
}
var valueOfThrows = { valueOf: function () { throw "valueOf thrown"; } };
try {
  valueOfThrows * 2;
} catch (e) {
  console.log(e);
}
