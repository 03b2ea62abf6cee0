// Closures created by optimized code: contexts captured per iteration,
// arrows that keep the creator's this and home object (super), functions
// that are constructors, and callbacks handed to natives.
'use strict';
class Base { who() { return 'base'; } }
class Derived extends Base {
  constructor() { super(); this.n = 3; }
  who() { return 'derived'; }
  arrows() { const f = () => this.n + (super.who() === 'base' ? 1 : 0); return f() + f(); }
}
function counters(k) {
  const fs = [];
  for (let i = 0; i < k; i++) fs.push(() => i * k);
  return fs.reduce((s, f) => s + f(), 0);
}
function ctorFactory(v) { return function Made() { this.v = v; }; }
const d = new Derived();
let s = 0, t = 0, u = 0;
for (let i = 0; i < 20000; i++) {
  s += d.arrows();
  t += counters(i & 7);
  const M = ctorFactory(i);
  u += new M().v;
  u += [1, 2, 3].map((x) => x * i)[2];
}
console.log(s, t, u);
