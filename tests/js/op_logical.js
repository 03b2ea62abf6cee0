// Logical && || ! return operand values and short-circuit
console.log(1 && 2, 0 && 2, "" && "x");
console.log(1 || 2, 0 || 2, null || undefined);
console.log(!0, !"", !"a", !null, ![]);
console.log(null && f(), 1 || f());
function f() { console.log("f called"); return "f"; }
console.log(0 || f());
console.log(1 && f());
var calls = 0;
function g(v) { calls++; return v; }
g(false) && g(true) && g(true);
console.log(calls);
calls = 0;
g(true) || g(true) || g(false);
console.log(calls);
console.log(true && false || true);
console.log(false || true && false);
console.log(!!"0", !!NaN);
var x = null;
var y = x || "default";
console.log(y);
