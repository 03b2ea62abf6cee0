// An optimized function with a handler, called from optimized code, whose
// inlined callee's callee throws: the deoptimizer rebuilds the inlined
// frame, the exception comes out of it at a call inside the try block, and
// the handler of the rebuilt frame catches it.
'use strict';
function k(i) { if (i % 1000 === 999) throw new Error('k' + i); return i; }
function h(i) { return k(i) + 1; }
function g(i) { try { return h(i); } catch (e) { return -1; } }
function f(n) { let s = 0; for (let i = 0; i < n; i++) s += g(i); return s; }
let t = 0;
for (let r = 0; r < 20; r++) t += f(5000);
console.log(t);
