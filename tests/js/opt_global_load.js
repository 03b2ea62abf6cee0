// Global loads in optimized code: the inline check of the global's
// property (shape, key at its index, not an accessor) and the stub when it
// fails: changed values, deleted, redefined as accessors, more globals.
var counter = 0;
globalThis.k = 5;
function f(i) { return Math.abs(-i) + k + counter; }
let s = 0;
for (let i = 0; i < 100000; i++) { s += f(i); if (i === 50000) k = 6; if (i === 70000) counter = 1.5; }
console.log(s);
delete globalThis.k;
try { f(1); } catch (e) { console.log(e.constructor.name, e.message); }
globalThis.k = 'str';
console.log(f(2));
Object.defineProperty(globalThis, 'k', { get() { return 100; }, configurable: true });
console.log(f(3));
for (let i = 0; i < 300; i++) globalThis['x' + i] = i;
console.log(f(4));
