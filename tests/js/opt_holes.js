// Holey arrays in optimized code: a hole reads as undefined while no
// prototype has elements; once one has, the lookup finds its value.
'use strict';
function at(a, i) { return a[i]; }
function countUndef(a) {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (at(a, i) === undefined) n++;
  return n;
}
const a = new Array(10);
for (let i = 0; i < 10; i += 2) a[i] = { i };
let n = 0;
for (let k = 0; k < 5000; k++) n += countUndef(a);
console.log(n);
Array.prototype[3] = 'from Array.prototype';
console.log(at(a, 3), at(a, 5), countUndef(a));
delete Array.prototype[3];
console.log(at(a, 3), countUndef(a));
Object.prototype[5] = 'from Object.prototype';
console.log(at(a, 5), countUndef(a));
delete Object.prototype[5];
const b = [1, , 3];
Object.setPrototypeOf(b, new String('xyz'));
console.log(at(b, 1), countUndef(b));
const c = [1.5, , 2.5];
let m = 0;
for (let k = 0; k < 5000; k++) m += countUndef(c);
console.log(m, at(c, 1), at(c, 0));
// The Towers pattern: a pile that is still a hole.
const piles = new Array(3);
function top(p) { const t = piles[p]; return t ? t.size : -1; }
let q = 0;
for (let k = 0; k < 20000; k++) { piles[k % 2] = { size: k }; q += top(k % 3); }
console.log(q);
