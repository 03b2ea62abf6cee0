// console.log of functions and classes
function namedFn() {}
var anon = function () {};
var arrow = () => {};
class A {}
class B extends A {}
console.log(namedFn);
console.log(function () {});
console.log(() => 1);
console.log(anon, arrow);
console.log(A);
console.log(B);
console.log([namedFn, A]);
console.log({ f: namedFn, g: function () {}, h: () => 0 });
console.log({ method() {} });
var obj = { m: function inner() {} };
console.log(obj.m);
console.log(class {});
console.log([class Q extends A {}]);
