// console.log of objects with a null prototype
var n = Object.create(null);
console.log(n);
n.a = 1;
console.log(n);
n["b-c"] = "x";
console.log(n);
console.log({ inner: Object.create(null) });
