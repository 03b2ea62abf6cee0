// A constructor whose inlined callee runs a generic stub last: the stub
// borrows the frame for the callee's receiver, and the constructor still
// returns its own object.
'use strict';
globalThis.g1 = 1;
const helper = { tag: 'helper', kind() { return typeof g1; } };
function P(i) { this.i = i; this.o = 0; helper.kind(); }
let bad = 0;
for (let i = 0; i < 30000; i++) { const p = new P(i); if (p.i !== i) bad++; }
console.log(bad, new P(6).i);
class Q { constructor(i) { this.i = i; helper.kind(); } }
let bad2 = 0;
for (let i = 0; i < 30000; i++) if (new Q(i).i !== i) bad2++;
console.log(bad2, new Q(7).i);
