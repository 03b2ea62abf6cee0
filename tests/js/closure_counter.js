// Closures: independent counters sharing no state
function makeCounter(start) {
  var count = start;
  return {
    inc: function () { return ++count; },
    dec: function () { return --count; },
    get: function () { return count; },
  };
}
var a = makeCounter(0);
var b = makeCounter(100);
a.inc(); a.inc(); a.inc();
b.dec();
console.log(a.get(), b.get());
console.log(a.inc(), b.inc());
function adder(n) { return function (x) { return x + n; }; }
var add5 = adder(5), add10 = adder(10);
console.log(add5(1), add10(1), adder(-1)(1));
function once(f) {
  var done = false, result;
  return function () {
    if (!done) { done = true; result = f(); }
    return result;
  };
}
var calls = 0;
var init = once(function () { calls++; return "init"; });
console.log(init(), init(), calls);
var shared = (function () {
  var secret = 0;
  return [function () { secret += 1; }, function () { return secret; }];
})();
shared[0](); shared[0]();
console.log(shared[1]());
