// Unbounded recursion produces an uncaught RangeError
console.log("recursing");
function f() { return f(); }
f();
console.log("unreachable");
