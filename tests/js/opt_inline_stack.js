// A stack trace taken while optimized code calls out from inlined
// functions shows the inlined frames, as if nothing had been inlined.
'use strict';
function frames(e, k) {
  return e.stack.split('\n').slice(1, k + 1).map((l) => {
    l = l.trim();
    const slash = l.lastIndexOf('/');
    return slash < 0 ? l : l.slice(0, l.indexOf('(') + 1) + l.slice(slash + 1);
  }).join(' | ');
}
function thrower(i) { if (i === 30000) throw new Error('boom'); return i; }
function mid(i) { return thrower(i) + 1; }
function top(i) { return mid(i) * 2; }
let s = 0;
try { for (let i = 0; i <= 30000; i++) s += top(i); } catch (e) { console.log(frames(e, 3)); }
console.log(s);

// a non-function reached from an inlined call
function callF(o) { return o.f(); }
function viaCall(o) { return callF(o) + 1; }
const good = { f() { return 1; } };
let t = 0;
for (let i = 0; i < 30000; i++) t += viaCall(good);
try { viaCall({ f: 7 }); } catch (e) { console.log(e.constructor.name, frames(e, 2)); }
console.log(t);

// new Error deep inside, captured through two inlined levels
function where() { return new Error('here'); }
function a1() { return where(); }
function a2() { return a1(); }
let last;
for (let i = 0; i < 30000; i++) last = a2();
console.log(frames(last, 3));
