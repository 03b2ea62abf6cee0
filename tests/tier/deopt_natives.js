// %-natives drive optimization and deoptimization; the results must not
// depend on which tier runs the code.
function sq(x) { return x * x + 1; }
%PrepareFunctionForOptimization(sq);
console.log(sq(3), sq(4));
%OptimizeFunctionOnNextCall(sq);
console.log(sq(5));
console.log(sq(1.5), sq("3"));

function withDeopt(a) {
  let r = a + 1;
  %DeoptimizeNow();
  return r * 2;
}
%PrepareFunctionForOptimization(withDeopt);
withDeopt(1);
withDeopt(2);
%OptimizeFunctionOnNextCall(withDeopt);
console.log(withDeopt(10), withDeopt(20));

function loop(n) {
  let t = 0;
  for (let i = 0; i < n; i++) {
    t += i % 7;
    if (i === 500) %OptimizeOsr();
  }
  return t;
}
console.log(loop(1000), loop(100000));

function never(x) { return x + 1; }
%NeverOptimizeFunction(never);
let z = 0;
for (let i = 0; i < 2000; i++) z = never(z);
console.log(z);
