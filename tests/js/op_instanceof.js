// instanceof with constructors, classes, inheritance and primitives
function Animal() {}
function Dog() {}
Dog.prototype = Object.create(Animal.prototype);
var d = new Dog();
console.log(d instanceof Dog, d instanceof Animal, d instanceof Object);
console.log(new Animal() instanceof Dog);
class A {}
class B extends A {}
var b = new B();
console.log(b instanceof B, b instanceof A);
console.log(new A() instanceof B);
console.log([] instanceof Array, [] instanceof Object);
console.log({} instanceof Array);
console.log(function () {} instanceof Function);
console.log("str" instanceof String, 5 instanceof Number);
console.log(null instanceof Object);
var e = new TypeError("x");
console.log(e instanceof TypeError, e instanceof Error, e instanceof RangeError);
try {
  console.log({} instanceof 5);
} catch (err) {
  console.log(err.name);
}
function Late() {}
var l = new Late();
Late.prototype = {};
console.log(l instanceof Late);
