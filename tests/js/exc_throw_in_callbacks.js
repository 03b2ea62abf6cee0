// Exceptions propagate through callbacks and nested calls
function each(arr, f) {
  for (var i = 0; i < arr.length; i++) f(arr[i], i);
}
try {
  each([1, 2, 3], function (v) {
    console.log("visit", v);
    if (v === 2) throw new Error("stop at " + v);
  });
} catch (e) {
  console.log(e.message);
}
try {
  [1, 2, 3].forEach(function (v) {
    if (v > 1) throw v;
  });
} catch (v) {
  console.log("forEach threw", v);
}
try {
  [3, 4].map(function (v) { return v.foo.bar; });
} catch (e) {
  console.log(e.name);
}
function a() { b(); }
function b() { c(); }
function c() { throw new RangeError("deep"); }
try { a(); } catch (e) { console.log(e.name, e.message); }
var state = "start";
try {
  state = "middle";
  undefinedFunction();
  state = "unreachable";
} catch (e) {
  console.log(state, e.name);
}
