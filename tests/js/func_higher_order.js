// Higher-order functions: passing, returning and composing functions
function map(arr, f) { var out = []; for (var i = 0; i < arr.length; i++) out.push(f(arr[i], i)); return out; }
function filter(arr, p) { var out = []; for (var i = 0; i < arr.length; i++) if (p(arr[i])) out.push(arr[i]); return out; }
function reduce(arr, f, init) { var acc = init; for (var i = 0; i < arr.length; i++) acc = f(acc, arr[i]); return acc; }
var nums = [1, 2, 3, 4, 5, 6];
console.log(map(nums, function (x) { return x * x; }).join(" "));
console.log(filter(nums, function (x) { return x % 2 === 0; }));
console.log(reduce(nums, function (a, b) { return a + b; }, 0));
console.log(reduce(["a", "b", "c"], function (a, b) { return b + a; }, ""));
function compose() {
  var fns = arguments;
  return function (x) {
    for (var i = fns.length - 1; i >= 0; i--) x = fns[i](x);
    return x;
  };
}
var inc = (x) => x + 1, dbl = (x) => x * 2, sq = (x) => x * x;
console.log(compose(inc, dbl, sq)(3), compose()(9));
function partial(f, a) { return function (b) { return f(a, b); }; }
var add = (a, b) => a + b;
console.log(partial(add, 10)(5));
function times(n, f) { for (var i = 0; i < n; i++) f(i); }
var acc = [];
times(4, function (i) { acc.push(i * 3); });
console.log(acc);
var pipeline = [inc, dbl, inc];
console.log(reduce(pipeline, function (v, f) { return f(v); }, 1));
console.log(nums.map(String));
console.log(["1", "2", "3"].map(Number));
