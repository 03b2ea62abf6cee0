// Closure-based iterators and lazy sequences
function range(start, end, step) {
  var cur = start;
  return {
    next: function () {
      if (cur >= end) return { done: true, value: undefined };
      var v = cur;
      cur += step;
      return { done: false, value: v };
    },
  };
}
var it = range(0, 10, 3);
var r;
var vals = [];
while (!(r = it.next()).done) vals.push(r.value);
console.log(vals, r);
function take(gen, n) {
  var out = [];
  for (var i = 0; i < n; i++) out.push(gen());
  return out;
}
function fibGen() {
  var a = 0, b = 1;
  return function () { var v = a; a = b; b = v + b; return v; };
}
console.log(take(fibGen(), 10).join(","));
function mapGen(gen, f) { return function () { return f(gen()); }; }
function counterGen() { var n = 0; return function () { return ++n; }; }
console.log(take(mapGen(counterGen(), function (x) { return x * x; }), 5));
var g1 = counterGen(), g2 = counterGen();
g1(); g1();
console.log(g1(), g2());
