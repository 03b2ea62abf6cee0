// Inlined callees that keep a generic stub (a global load, a closure, an
// object literal), that call further functions, and that deoptimize inside
// the inlined body; every tier must print what Node prints.
'use strict';
let scale = 2;
const table = { k: 3 };
function getScale() { return scale; }                 // global load (stub)
function mk(x) { return { v: x * getScale() }; }       // literal + inlined call
function adder(n) { return (y) => y + n; }             // closure creation
function viaTable(x) { return x + table.k; }
function outer(i) {
  const o = mk(i);
  const f = adder(i);
  return viaTable(o.v) + f(1);
}
let s = 0;
for (let i = 0; i < 20000; i++) s += outer(i);
console.log(s);
scale = 3;                                             // the global changes
s = 0;
for (let i = 0; i < 20000; i++) s += outer(i);
console.log(s);
scale = 0.5;                                           // and becomes a double
s = 0;
for (let i = 0; i < 2000; i++) s += outer(i);
console.log(s);

// A deopt inside an inlined callee two levels deep, then an exception.
class Box { constructor(v) { this.v = v; } get2() { return this.v.n * 2; } }
function inner(b) { return b.get2() + 1; }
function mid(b) { return inner(b) + 1; }
let t = 0;
for (let i = 0; i < 30000; i++) t += mid(new Box({ n: i }));
console.log(t);
console.log(mid(new Box({ n: 1.5 })), mid(new Box({ n: 'x' })));
try { mid(new Box(null)); } catch (e) { console.log(e instanceof TypeError); }

// A megamorphic call inside an inlined function reaching a non-function.
function callIt(o) { return o.f(); }
function wrap(o) { return callIt(o) + 1; }
const objs = [{ f() { return 1; } }, { a: 1, f() { return 2; } }, { b: 1, f() { return 3; } },
              { c: 1, f() { return 4; } }, { d: 1, f() { return 5; } }];
let u = 0;
for (let i = 0; i < 20000; i++) u += wrap(objs[i % 5]);
console.log(u);
try { wrap({ f: 42 }); } catch (e) { console.log(e instanceof TypeError); }
