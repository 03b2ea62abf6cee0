// Array.prototype.fill on fast arrays and on the cases that need the
// generic path: ranges, kinds, conversions with side effects, frozen,
// sealed and non-extensible arrays, prototype setters and array-likes.
'use strict';
console.log(new Array(5).fill(7), [1, 2, 3, 4].fill(0, 1, 3), [1, 2, 3].fill(9, -2));
console.log([1, 2, 3].fill(1.5), [1.5, 2.5].fill('s'), [1, 2, 3].fill(4, 5), [1, 2].fill(3, 1, 0));
const h = new Array(4).fill(true);
console.log(h, h.length, 1 in h);
delete h[1];
console.log(h, 1 in h);
const sh = [1, 2, 3, 4, 5];
console.log(sh.fill(0, { valueOf() { sh[0] = 1.25; sh[4] = 'str'; return 1; } }), sh.length);
try { Object.freeze([1, 2]).fill(0); } catch (e) { console.log(e.constructor.name); }
const sealed = Object.seal([1, 2, 3]);
console.log(sealed.fill(8));
const ne = Object.preventExtensions(new Array(3));
try { ne.fill(1); } catch (e) { console.log(e.constructor.name); }
const seen = [];
Object.defineProperty(Array.prototype, 1, { set(v) { seen.push(v); }, configurable: true });
const withHole = new Array(3);
withHole.fill('z');
delete Array.prototype[1];
console.log(seen, withHole.length, Object.keys(withHole));
console.log(Array.prototype.fill.call({ length: 3 }, 'a'));
const big = new Array(100000).fill(0);
big[99999] = 1;
let s = 0;
for (let i = 0; i < big.length; i++) s += big[i];
console.log(s, big.length);
