// Unbounded recursion produces an uncaught RangeError
console.log("recursing");
function ok(n) { return n === 0 ? 0 : 1 + ok(n - 1); }
console.log("bounded recursion fine:", ok(100));
function f() {
  return f();
}
var calls = 0;
function g() { calls++; return f(); }
g();
console.log("unreachable", calls);
