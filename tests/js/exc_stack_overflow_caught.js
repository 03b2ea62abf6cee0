// Unbounded recursion throws a catchable RangeError and execution continues
function f() { return f(); }
try {
  f();
} catch (e) {
  console.log(e instanceof RangeError);
  console.log(e.name);
}
var depth = 0;
function g() { depth++; g(); }
try {
  g();
} catch (e) {
  console.log(e instanceof RangeError, depth > 1000);
}
function h(n) { return h(n + 1) + 1; }
try {
  h(0);
} catch (e) {
  console.log("again", e instanceof RangeError);
}
function fine(n) { return n === 0 ? 0 : 1 + fine(n - 1); }
console.log(fine(1000));
console.log("continuing after overflow");
