// Derived class constructors run as optimized code: super() through the
// stub, `this` bound by StaThis, returns of objects, undefined and nothing,
// the TDZ and double-super errors, fields, and Array subclasses.
'use strict';
class A { constructor(x) { this.x = x; } }
class B extends A { constructor(x, y) { super(x); this.y = y; } }
class C extends A { constructor() { super(1); return undefined; } }
class D extends A { constructor(v) { if (v) return { v }; super(2); } }
class E extends A { constructor(k) { if (k === 7) { return; } super(k); } }
class F extends A { constructor(k) { super(k); if (k === 9) super(k); } }
class H extends B { constructor(a) { super(a, a * 2); this.h = this.x + this.y; } }
class W extends Array { constructor(n) { super(n); this.tag = 'w'; } }
class P extends A { z = 5; constructor(x) { super(x); this.w = this.z + x; } }
let s = 0;
for (let i = 0; i < 5000; i++) {
  const b = new B(i, 2); s += b.x + b.y;
  s += new C().x + (i & 1 ? new D(1).v : new D(0).x);
  s += new H(i).h + new W(3).length + new P(i).w;
  if (i % 500 === 0) {
    try { new E(7); } catch (e) { s += 1; }
    try { new F(9); } catch (e) { s += 2; }
  }
}
console.log(s);
try { new E(7); } catch (e) { console.log(e.constructor.name, e.message); }
try { new F(9); } catch (e) { console.log(e.constructor.name, e.message); }
console.log(new E(3).x, new F(4).x, new W(2) instanceof W, Array.isArray(new W(1)), new P(1));
