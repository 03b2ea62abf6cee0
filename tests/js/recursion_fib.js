// Recursive and iterative Fibonacci
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
var out = [];
for (var i = 0; i <= 15; i++) out.push(fib(i));
console.log(out.join(","));
console.log(fib(25));
function fibIter(n) {
  var a = 0, b = 1;
  for (var i = 0; i < n; i++) { var t = a + b; a = b; b = t; }
  return a;
}
console.log(fibIter(50));
console.log(fibIter(78));
console.log(fibIter(80));
var memo = [0, 1];
function fibMemo(n) {
  if (memo[n] !== undefined) return memo[n];
  return (memo[n] = fibMemo(n - 1) + fibMemo(n - 2));
}
console.log(fibMemo(90));
