// Packed arrays in optimized code: loads and stores without hole or
// storage checks, and everything that makes an array holey or shorter on
// the way (length, delete, pop, shift, a callee that does it mid-loop).
'use strict';
function sum(a) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]; return s; }
function fillUp(a, v) { for (let i = 0; i < a.length; i++) a[i] = v + i; return a; }
let t = 0;
for (let k = 0; k < 3000; k++) t += sum(fillUp([0, 0, 0, 0, 0, 0, 0, 0], k));
console.log(t);
const g = [1, 2, 3, 4];
g.length = 8;                                   // holey now
console.log(sum(g), fillUp(g, 1), sum(g));
const d = [1, 2, 3, 4, 5];
delete d[2];
console.log(sum(d), fillUp(d.slice(), 10), d);
const p = [1, 2, 3, 4, 5, 6];
p.pop(); p.shift();
console.log(sum(p), fillUp(p, 3));
function hurt(a, i) { if (i === 2) { delete a[3]; a.length = 4; } }
function walk(a) { let s = 0; for (let i = 0; i < a.length; i++) { hurt(a, i); s += a[i] === undefined ? 100 : a[i]; } return s; }
let w = 0;
for (let k = 0; k < 3000; k++) w += walk([1, 2, 3, 4, 5, 6]);
console.log(w);
const dbl = [0.5, 1.5, 2.5];
for (let k = 0; k < 3000; k++) fillUp(dbl, 0.25);
console.log(dbl, sum(dbl));
