// Strings are immutable values; wrappers and typeof
"use strict";
var s = "abc";
try {
  s[0] = "z";
  console.log("no error");
} catch (e) {
  console.log(e instanceof TypeError);
}
console.log(s);
var t = s;
t += "d";
console.log(s, t);
console.log(typeof "x", typeof String("x"));
var o = { toString: function () { return "hi"; } };
console.log(o == "hi", o === "hi");
console.log("hi".length);
