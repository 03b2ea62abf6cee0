// Optional chaining short-circuits the whole chain and preserves this for calls
var calls = 0;
function side() { calls++; return "k"; }
var n = null;
console.log(n?.a.b.c.d);
console.log(n?.[side()].x);
console.log(n?.m(side()));
console.log(calls);
try {
  console.log((n?.a).b);
} catch (e) {
  console.log("parenthesised breaks chain:", e.name);
}
var obj = {
  val: 7,
  get() { return this.val; },
  inner: null,
};
console.log(obj?.get());
console.log(obj.get?.());
console.log(obj?.["get"]?.());
console.log(obj.inner?.x ?? "fallback");
var arr = [[1, [2]], null];
console.log(arr?.[0]?.[1]?.[0], arr[1]?.[0], arr[5]?.[0]);
var fnOrNull = null;
console.log(fnOrNull?.(1, side()), calls);
try {
  obj.notAFunction?.();
  console.log("undefined callee ok");
  obj.val?.();
} catch (e) {
  console.log("non-callable:", e.name);
}
console.log(delete n?.a, delete obj?.val, obj.val);
