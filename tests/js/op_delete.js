// delete on properties, array elements, and non-deletable things
var o = { a: 1, b: 2 };
console.log(delete o.a, o);
console.log(delete o.nope);
console.log(delete o["b"], Object.keys(o));
var arr = [1, 2, 3];
console.log(delete arr[1], arr, arr.length);
var x = 5;
console.log(delete x, x);
console.log(delete 42);
function P() {}
P.prototype.shared = "proto";
var p = new P();
p.shared = "own";
console.log(p.shared);
delete p.shared;
console.log(p.shared);
var fixed = [1, 2];
console.log(delete fixed.length, fixed.length);
(function () {
  "use strict";
  try {
    delete fixed.length;
  } catch (e) {
    console.log(e.name);
  }
})();
