// Object identity, copying and mutation through references
var a = { v: 1 };
var b = a;
var c = { v: 1 };
console.log(a === b, a === c, a == c);
b.v = 2;
console.log(a.v);
function mutate(o) { o.v = "mutated"; }
function reassign(o) { o = { v: "new" }; return o; }
mutate(a);
console.log(a.v);
var r = reassign(a);
console.log(a.v, r.v);
function shallowCopy(o) {
  var out = {};
  for (var k in o) out[k] = o[k];
  return out;
}
var orig = { x: 1, inner: { y: 2 } };
var copy = shallowCopy(orig);
copy.x = 100;
copy.inner.y = 200;
console.log(orig, copy);
var arr1 = [1, 2];
var arr2 = arr1;
arr2.push(3);
console.log(arr1, arr1 === arr2);
console.log([] === [], {} === {});
