// reef-only: optimization status bits as %GetOptimizationStatus reports them.
function f(a, b) { return a + b; }
%PrepareFunctionForOptimization(f);
f(1, 2);
const OPT = 16;
console.log("interpreted", (%GetOptimizationStatus(f) & OPT) === 0);
%OptimizeFunctionOnNextCall(f);
f(3, 4);
console.log("optimized", (%GetOptimizationStatus(f) & OPT) !== 0, %IsOptimized(f));
f("x", 1);
console.log("deoptimized", (%GetOptimizationStatus(f) & OPT) === 0, (%GetOptimizationStatus(f) & 8) !== 0);
function g(x) { return x * 2; }
%NeverOptimizeFunction(g);
for (let i = 0; i < 5000; i++) g(i);
console.log("never", (%GetOptimizationStatus(g) & 2) !== 0, %IsOptimized(g));
