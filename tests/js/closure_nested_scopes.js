// Closures over multiple nesting levels and shadowed variables
var x = "global";
function level1() {
  var x = "l1";
  var y = "y1";
  function level2() {
    var y = "y2";
    function level3() {
      return [x, y];
    }
    return level3;
  }
  return level2();
}
console.log(level1()());
function make() {
  var fns = [];
  var v = 1;
  fns.push(function () { return v; });
  v = 2;
  fns.push(function () { return v; });
  return fns;
}
var fs = make();
console.log(fs[0](), fs[1]());
function modify() {
  var state = "a";
  return {
    set: function (s) { state = s; },
    get: function () { return state; },
  };
}
var m = modify();
m.set("b");
console.log(m.get());
var compose = function (f, g) { return function (v) { return f(g(v)); }; };
var inc = function (n) { return n + 1; };
var dbl = function (n) { return n * 2; };
console.log(compose(inc, dbl)(5), compose(dbl, inc)(5));
function memo(f) {
  var cache = {};
  return function (n) {
    if (n in cache) return cache[n];
    return (cache[n] = f(n));
  };
}
var slowSq = memo(function (n) { console.log("computing", n); return n * n; });
console.log(slowSq(4), slowSq(4));
