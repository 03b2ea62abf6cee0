// A function optimized on small integers, then called with a double, a
// string, an object of a new shape and an index out of bounds: every call
// must still give the interpreter's answer (the optimized code deoptimizes).
function add(a, b) { return a + b; }
function getX(o) { return o.x; }
function at(arr, i) { return arr[i]; }
function mul(a, b) { return a * b; }

let s = 0;
const arr = [1, 2, 3, 4];
for (let i = 0; i < 3000; i++) {
  s = add(s, i & 7);
  s += getX({ x: i & 3 });
  s += at(arr, i & 3);
  s += mul(i & 15, 3);
}
console.log("ints", s);
console.log("double", add(0.5, 0.25), add(2147483647, 1));
console.log("string", add("a", 1), add(1, "b"));
console.log("shape", getX({ y: 1, x: "new shape" }), getX({ x: 5 }));
console.log("bounds", at(arr, 4), at(arr, -1), at(arr, 2));
console.log("minus zero", mul(0, -5), Object.is(mul(0, -5), -0), mul(-3, 0));
console.log("after", add(3, 4), getX({ x: 9 }), at(arr, 0), mul(6, 7));
