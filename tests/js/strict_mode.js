// Strict mode: undeclared assignment throws, this is undefined in plain calls
"use strict";
try {
  undeclaredVar = 1;
  console.log("assigned");
} catch (e) {
  console.log(e instanceof ReferenceError, e.name);
}
console.log(typeof undeclaredVar);
function whoAmI() { return this; }
console.log(whoAmI());
console.log(typeof whoAmI());
var obj = { m: whoAmI };
console.log(obj.m() === obj);
var detached = obj.m;
console.log(detached());
try {
  var str = "abc";
  str.prop = 1;
} catch (e) {
  console.log("prop on primitive:", e.name);
}
try {
  var ro = { get only() { return 1; } };
  ro.only = 2;
} catch (e) {
  console.log("setter missing:", e.name);
}
