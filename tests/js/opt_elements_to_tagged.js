// A keyed store in optimized code that turns small-int and double arrays
// into tagged ones: the kind changes in place, the elements stay as they
// are, and every later access (loads, pushes, sort, holes) sees them.
'use strict';
function put(a, i, v) { a[i] = v; }
function sum(a) { let s = 0; for (let i = 0; i < a.length; i++) s += typeof a[i] === 'number' ? a[i] : a[i].n; return s; }
let total = 0;
for (let k = 0; k < 3000; k++) {
  const smi = [1, 2, 3];
  put(smi, 1, { n: k });
  const dbl = [1.5, 2.5, 3.5];
  put(dbl, 2, { n: 1 });
  const holey = new Array(4);
  holey[0] = 7;
  put(holey, 2, { n: 2 });
  put(holey, 0, 8);
  total += sum(smi) + sum(dbl) + holey[0] + holey[2].n + (holey[1] === undefined ? 1 : 0);
}
console.log(total);
const a = [3, 1, 2];
put(a, 0, 'x');
a.push(4, 0.5);
console.log(a, a.length, a.indexOf(0.5));
const d = [0.25, 1, 2];
put(d, 1, null);
d.sort();
console.log(d, d.map((x) => typeof x));
const e = new Array(3);
put(e, 1, 'mid');
console.log(e, 0 in e, e[0], e[1]);
