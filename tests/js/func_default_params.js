// Default parameter values, evaluation order and undefined triggering
function greet(name = "world", punct = "!") { return "hello " + name + punct; }
console.log(greet());
console.log(greet("bob"));
console.log(greet(undefined, "?"));
console.log(greet(null));
function dep(a, b = a * 2, c = a + b) { return [a, b, c]; }
console.log(dep(1), dep(1, 5), dep(1, undefined, 0));
var count = 0;
function next() { return ++count; }
function lazy(x = next()) { return x; }
console.log(lazy(), lazy(), lazy(100), count);
function withFn(f = function () { return "default fn"; }) { return f(); }
console.log(withFn());
function len(a, b = 1, c) { return 0; }
console.log(len.length);
var arrowDef = (x = 10, y = x + 1) => x + y;
console.log(arrowDef(), arrowDef(1));
function objDef(o = {}) { o.touched = true; return o; }
var first = objDef();
var second = objDef();
console.log(first === second, first);
try {
  (function (a = b, b = 1) { return a; })();
} catch (e) {
  console.log(e.name);
}
