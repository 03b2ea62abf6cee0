// Math.sqrt and Math.abs become float64 nodes in optimized code; other
// arguments (strings, objects, missing) deoptimize and convert as specified.
function f(x) { return Math.sqrt(x) + Math.abs(x - 3); }
let s = 0; for (let i = 0; i < 100000; i++) s += f(i % 7);
console.log(s, f(2.25), f(-0), Object.is(Math.abs(-0), 0), f("16"), f({valueOf() { return 9; }}), f(NaN), f(-1));
function g(a){ return Math.abs(a); }
for (let i = 0; i < 100000; i++) g(-i);
console.log(g(-5), g(-2147483648), g(-0.5), Object.is(g(-0), 0), g(), g(null), g([-3]));
