// console.log of objects with a null prototype
var n = Object.create(null);
console.log(n);
n.a = 1;
console.log(n);
n["b-c"] = "x";
console.log(n);
console.log({ inner: Object.create(null) });
var dict = Object.create(null);
dict.x = { y: 1 };
dict.z = [1, 2];
console.log(dict);
console.log([Object.create(null)]);
