// console.log of objects holding every kind of primitive value
console.log({ a: 1, b: "two", c: true, d: null, e: undefined });
console.log({ neg: -0, nan: NaN, inf: -Infinity, big: 1e21, tiny: 1e-7 });
console.log({ s1: "it's", s2: "a\nb", s3: "" });
console.log({ nested: { arr: [1, "x", null] } });
console.log({ 0: "zero", 1: "one" });
console.log({ fn() {}, arrow: () => {} });
var o = {};
o.later = "added";
o.first = "second";
console.log(o);
