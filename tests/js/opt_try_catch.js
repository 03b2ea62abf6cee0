// Functions with try/catch/finally and for-of run as optimized code; an
// exception inside a try block (from a call, a generic stub, a throw, an
// inlined callee, a getter) leaves the optimized code for the
// interpreter's handler with the frame's values as they were.
'use strict';
function mayThrow(i) { if (i % 1000 === 999) throw new Error('e' + i); return i; }
function sumCaught(n) {
  let s = 0, caught = 0;
  for (let i = 0; i < n; i++) {
    let local = i * 2;
    try {
      s += mayThrow(i);
      local += 1;
    } catch (e) {
      caught++;
      s += local;                       // the value before the throw
    } finally {
      s += 1;
    }
  }
  return [s, caught];
}
let r;
for (let k = 0; k < 20; k++) r = sumCaught(5000);
console.log(r);

function throwsInTry(xs) {
  let n = 0;
  for (const x of xs) {
    try {
      if (x < 0) throw new RangeError('neg ' + x);
      n += x;
    } catch (e) {
      n += e.message.length;
    }
  }
  return n;
}
const xs = [];
for (let i = 0; i < 200; i++) xs.push(i % 17 === 0 ? -i : i);
let t = 0;
for (let k = 0; k < 300; k++) t += throwsInTry(xs);
console.log(t);

// for-of over objects' arrays (the iterator handler), with break and return
function firstBig(arr, lim) { for (const o of arr) { if (o.v > lim) return o.v; } return -1; }
function countUntil(arr, stop) { let c = 0; for (const o of arr) { if (o.v === stop) break; c++; } return c; }
const objs = [];
for (let i = 0; i < 100; i++) objs.push({ v: i });
let u = 0;
for (let k = 0; k < 3000; k++) u += firstBig(objs, k % 120) + countUntil(objs, k % 100);
console.log(u);

// a getter that throws, inside a try, in a hot loop
const bad = { get v() { throw new TypeError('getter'); } };
function readAll(list) {
  let s = 0, errs = 0;
  for (let i = 0; i < list.length; i++) {
    try { s += list[i].v; } catch (e) { errs++; }
  }
  return s * 1000 + errs;
}
const list = [];
for (let i = 0; i < 50; i++) list.push(i % 10 === 0 ? bad : { v: i });
let w = 0;
for (let k = 0; k < 2000; k++) w += readAll(list);
console.log(w);

// exceptions from string concatenation limits and from nested finally
function nested(i) {
  let log = '';
  try {
    try {
      if (i % 3 === 0) null.x;
      log += 'a';
    } finally {
      log += 'f';
    }
  } catch (e) {
    log += e.constructor.name[0];
  }
  return log;
}
const seen = {};
for (let i = 0; i < 30000; i++) { const k = nested(i); seen[k] = (seen[k] || 0) + 1; }
console.log(JSON.stringify(seen));

// an uncaught exception still carries its stack through optimized frames
function deep(n) { try { if (n === 0) throw new Error('bottom'); return deep(n - 1) + 1; } finally { } }
for (let i = 0; i < 2000; i++) { try { deep(i % 20 + 1 === 21 ? 0 : 50); } catch (e) { } }
try { deep(3); } catch (e) { console.log(e.message); }
