// A global read by optimized code changes under it: a new value, deleted
// (ReferenceError from the interpreter after the deopt), an accessor, a
// global of the same name declared again. Every tier prints the same.
globalThis.cfg = { scale: 3 };
function scaled(i) { return i * cfg.scale; }
let s = 0;
for (let i = 0; i < 20000; i++) s += scaled(i & 15);
console.log(s);
globalThis.cfg = { scale: 4 };
s = 0;
for (let i = 0; i < 20000; i++) s += scaled(i & 15);
console.log(s);
delete globalThis.cfg;
let errs = 0;
for (let i = 0; i < 100; i++) { try { scaled(i); } catch (e) { errs += e instanceof ReferenceError ? 1 : 0; } }
console.log(errs);
let reads = 0;
Object.defineProperty(globalThis, 'cfg', { get() { reads++; return { scale: 5 }; }, configurable: true });
s = 0;
for (let i = 0; i < 20000; i++) s += scaled(i & 15);
console.log(s, reads);
delete globalThis.cfg;
globalThis.cfg = { scale: 6 };
for (let i = 0; i < 200; i++) globalThis['other' + i] = i;   // the global's shape grows meanwhile
s = 0;
for (let i = 0; i < 20000; i++) s += scaled(i & 15);
console.log(s);
