// An exception thrown below inlined frames inside a try block, caught by
// the optimized function's handler; the same frame later deoptimizes for
// another reason and must not rethrow the exception it already handled.
'use strict';
function leaf(i) { if (i === 40000) throw new Error('leaf ' + i); return i & 7; }
function inner(i) { return leaf(i) + 1; }
function outer(i) { return inner(i) * 2; }
let s = 0, caught = 0;
for (let i = 0; i <= 40000; i++) {
  try { s += outer(i); } catch (e) { caught++; s += e.message.length; }
}
console.log(s, caught);
let u = 0;
for (let i = 0; i < 20000; i++) {
  try { u += outer(i % 100); } catch (e) { u -= 1000; }
  if (i === 15000) u += 'x'.length;     // new feedback in the same frame
}
const mixed = [1, 'two', 3];
for (const m of mixed) u += typeof m === 'string' ? m.length : m;
console.log(u);
