// Logical assignment &&= ||= ??= and their short-circuiting
var a = 1, b = 0, c = null;
a &&= 5; console.log(a);
b &&= 5; console.log(b);
b ||= 7; console.log(b);
a ||= 9; console.log(a);
c ??= "set"; console.log(c);
c ??= "again"; console.log(c);
var o = { x: 0, y: "" };
o.x ||= 42;
o.y ??= "no";
o.z ??= "new";
console.log(o);
var count = 0;
var p = {
  get v() { return 1; },
  set v(val) { count++; },
};
p.v ||= 2;
p.v &&= 3;
console.log(count);
var arr = [null, 0];
arr[0] ??= "first";
arr[1] ||= "second";
console.log(arr);
var k = 0;
function key() { k++; return "x"; }
var q = { x: 1 };
q[key()] ||= 5;
console.log(q.x, k);
