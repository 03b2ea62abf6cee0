// console.log of arrays with extra non-index properties and functions with properties
var a = [1, 2];
a.extra = "x";
console.log(a);
var b = [];
b.name = "named";
console.log(b);
var c = [1, , 3];
c.k = true;
console.log(c);
function f() {}
f.prop = 1;
console.log(f);
class K {}
K.staticProp = "s";
console.log(K);
