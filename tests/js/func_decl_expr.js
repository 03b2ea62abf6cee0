// Function declarations, anonymous and named function expressions
function add(a, b) { return a + b; }
var mul = function (a, b) { return a * b; };
var fact = function self(n) { return n <= 1 ? 1 : n * self(n - 1); };
console.log(add(2, 3), mul(4, 5), fact(6));
console.log(typeof self);
console.log(add.name, mul.name, fact.name);
console.log(add.length, fact.length);
function noReturn() {}
console.log(noReturn());
function earlyReturn(x) {
  if (x > 0) return "pos";
  return;
}
console.log(earlyReturn(1), earlyReturn(-1));
console.log(add(1), add(1, 2, 3));
var immediate = (function (x) { return x * 2; })(21);
console.log(immediate);
var ops = { plus: add, times: mul };
console.log(ops.plus(1, 1), ops["times"](3, 3));
function returnsFn() { return function () { return "inner"; }; }
console.log(returnsFn()());
function argsLen() { return arguments.length + ":" + arguments[0]; }
console.log(argsLen(), argsLen("a", "b"));
