// in and instanceof with inherited properties, arrays and functions
function F() {}
F.prototype.shared = 1;
var f = new F();
console.log("shared" in f, "constructor" in f, "hasOwnProperty" in f);
console.log("length" in [], "length" in function () {}, "name" in function () {});
console.log(0 in "abc".split(""), 3 in [1, 2, 3]);
console.log(f instanceof F, f instanceof Object, F instanceof Function, F instanceof Object);
console.log(Object instanceof Function, Function instanceof Object);
var arrow = () => {};
try {
  console.log({} instanceof arrow);
} catch (e) {
  console.log("arrow rhs:", e.name);
}
var noProto = Object.create(null);
console.log(noProto instanceof Object, "toString" in noProto);
class A {}
console.log(A.prototype instanceof Object, new A() instanceof A.prototype.constructor);
var key = 1;
console.log(key in [5, 6], "1" in { 1: "x" }, undefined in { undefined: 1 });
