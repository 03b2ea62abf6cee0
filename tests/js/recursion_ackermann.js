// Ackermann function for small arguments and other deep-ish recursion
function ack(m, n) {
  if (m === 0) return n + 1;
  if (n === 0) return ack(m - 1, 1);
  return ack(m - 1, ack(m, n - 1));
}
console.log(ack(0, 0), ack(1, 2), ack(2, 3), ack(3, 3));
console.log(ack(2, 10));
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
console.log(depth(5000));
function hanoi(n, from, to, via, moves) {
  if (n === 0) return moves;
  hanoi(n - 1, from, via, to, moves);
  moves.push(from + to);
  hanoi(n - 1, via, to, from, moves);
  return moves;
}
console.log(hanoi(3, "A", "C", "B", []).join(" "));
console.log(hanoi(10, "A", "C", "B", []).length);
function gcd(a, b) { return b === 0 ? a : gcd(b, a % b); }
console.log(gcd(1071, 462), gcd(17, 5));
function power(b, e) { return e === 0 ? 1 : e % 2 === 0 ? power(b * b, e / 2) : b * power(b, e - 1); }
console.log(power(3, 13), power(2, 62));
