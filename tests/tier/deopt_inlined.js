// Deoptimization inside inlined functions: every inlined frame is rebuilt
// as an interpreter frame and the outer ones continue when the inner returns.
function add(a, b) { return a + b; }
function inner(o, i) { return o.x * 2 + add(i, 1); }
function middle(o, i) { const t = inner(o, i); return t - 1; }
function outer(arr, n) {
  let s = 0;
  for (let i = 0; i < n; i++) s = s + middle(arr[i & 3], i);
  return s;
}
const objs = [{x: 1}, {x: 2}, {x: 3}, {x: 4}];
let t = 0;
for (let k = 0; k < 300; k++) t += outer(objs, 100);
console.log(t);
objs[2] = {y: 0, x: 7};                                     // wrong shape in inner
console.log(outer(objs, 100));
console.log(outer([{x: 1e9}, {x: 2e9}, {x: 1.5}, {x: -3}], 50));  // overflow in add
console.log(outer([{x: 1}, {x: "a"}, {x: 3}, {x: 4}], 6));       // a string
function thrower(o) { if (o.bad) throw new Error("bad " + o.x); return o.x; }
function calls(o) { return thrower(o) + 1; }
let u = 0;
for (let k = 0; k < 20000; k++) u += calls({x: k, bad: false});
console.log(u);
try { calls({x: 5, bad: true}); } catch (e) { console.log(e.message); }
try { calls({bad: 1, x: 6}); } catch (e) { console.log(e.message); }
