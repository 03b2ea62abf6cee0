// calls.js — function calls, method calls and closures.
function add(a, b) { return a + b; }
const counter = { n: 0, bump(d) { this.n += d; return this.n; } };
function makeAdder(k) { return (x) => x + k; }
function run(n) {
  const add3 = makeAdder(3);
  let s = 0;
  for (let i = 0; i < n; i++) {
    s = add(s, i & 7);
    s = add3(s) - 3;
    counter.bump(1);
  }
  return s + counter.n;
}
console.log(run(10000000));
