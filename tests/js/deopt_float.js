// A numeric loop that overflows int32 and then sees doubles: the optimized
// code must deoptimize and the result stay exact.
function sum(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += i * 3;
  return s;
}
console.log(sum(10), sum(100000), sum(2000000));
function norm(x, y) { return Math.sqrt(x * x + y * y); }
let acc = 0;
for (let i = 0; i < 5000; i++) acc += norm(i, i + 1);
console.log(acc.toFixed(6), norm(3, 4), norm(0.1, 0.2));
function half(v) { return v / 2; }
let h = 0;
for (let i = 0; i < 3000; i++) h += half(i * 2);
console.log(h, half(3), half(-0), Object.is(half(-0), -0));
function neg(v) { return -v; }
for (let i = 1; i < 3000; i++) neg(i);
console.log(neg(0), Object.is(neg(0), -0), neg(-2147483648));
