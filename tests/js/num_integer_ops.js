// Integer division, modulo of negatives and rounding helpers
function idiv(a, b) { return Math.floor(a / b); }
function mod(a, b) { return ((a % b) + b) % b; }
console.log(idiv(7, 2), idiv(-7, 2), idiv(7, -2));
console.log(7 % 2, -7 % 2, 7 % -2, -7 % -2);
console.log(mod(-7, 3), mod(7, 3), mod(-1, 5));
console.log(Math.floor(3.999), Math.floor(-3.001));
console.log(Math.max(1, 5, 3), Math.min(4, -2, 0));
console.log(Math.max(), Math.min());
console.log(Math.max(1, NaN), Math.min("3", 2));
console.log(Math.abs(-7.5), Math.abs("-3"), Math.abs(null));
console.log(Math.sqrt(16), Math.sqrt(-1), Math.sqrt(0.25));
var digits = 0, n = 123456789;
while (n > 0) { digits++; n = Math.floor(n / 10); }
console.log(digits);
function isPrime(p) {
  if (p < 2) return false;
  for (var d = 2; d * d <= p; d++) if (p % d === 0) return false;
  return true;
}
var primes = [];
for (var i = 0; i < 50; i++) if (isPrime(i)) primes.push(i);
console.log(primes.join(" "));
console.log(0.5 % 0.25, 5.25 % 1);
