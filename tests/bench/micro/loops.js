// loops.js — integer and floating-point arithmetic in nested loops.
function run(n) {
  let s = 0, f = 0.5;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 100; j++) {
      s = (s + i * j) | 0;
      f = f * 0.999 + 0.001 * j;
    }
  }
  return [s, f];
}
console.log(run(200000));
