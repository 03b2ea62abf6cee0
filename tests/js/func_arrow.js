// Arrow functions: concise bodies, object returns, no own this
var sq = (x) => x * x;
var add = (a, b) => a + b;
var unit = () => 42;
var obj = () => ({ k: "v" });
var block = (n) => { var r = n + 1; return r; };
console.log(sq(7), add(1, 2), unit(), obj(), block(9));
console.log([1, 2, 3].map((x) => x * 10));
var curry = (a) => (b) => (c) => a + b + c;
console.log(curry(1)(2)(3));
var counter = {
  count: 0,
  start: function () {
    var tick = () => { this.count++; };
    tick();
    tick();
    return this.count;
  },
};
console.log(counter.start());
function Outer() {
  this.v = "outer-this";
  this.get = () => this.v;
}
var o = new Outer();
var g = o.get;
console.log(g());
console.log(typeof (() => {}));
var noBody = () => {};
console.log(noBody());
try {
  new sq(1);
} catch (e) {
  console.log(e.name);
}
console.log(sq.name, add.length);
