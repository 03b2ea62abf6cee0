// Adding methods to built-in prototypes is visible on all instances
Array.prototype.last = function () { return this[this.length - 1]; };
console.log([1, 2, 3].last(), [].last());
String.prototype.shout = function () { return this.toUpperCase() + "!"; };
console.log("hey".shout());
Number.prototype.double = function () { return this * 2; };
console.log((21).double());
Object.prototype.extraFlag = "inherited";
var o = {};
console.log(o.extraFlag);
var keys = [];
for (var k in { own: 1 }) keys.push(k);
console.log(keys);
delete Object.prototype.extraFlag;
console.log(o.extraFlag);
Function.prototype.describe = function () { return "fn " + this.name; };
function myFunc() {}
console.log(myFunc.describe());
