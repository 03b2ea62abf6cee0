// An arrow created in a method that is inlined takes its home object (for
// super) from that method, not from the function it was inlined into.
'use strict';
class A { m() { return 1; } }
class B extends A { m() { return 2; } viaArrow() { const f = () => super.m(); return f(); } }
class C { m() { return 30; } }
function call(b) { return b.viaArrow(); }
const b = new B();
let s = 0;
for (let i = 0; i < 30000; i++) s += call(b);
console.log(s);
function mk(k) { return function () { return k * 2; }; }
function useMk(i) { return mk(i)() + 1; }
let t = 0;
for (let i = 0; i < 30000; i++) t += useMk(i & 7);
console.log(t);
