// new with constructor functions: fresh objects, prototypes, explicit returns
function Point(x, y) {
  this.x = x;
  this.y = y;
}
Point.prototype.len = function () { return Math.sqrt(this.x * this.x + this.y * this.y); };
var p = new Point(3, 4);
console.log(p.x, p.y, p.len());
console.log(p instanceof Point, p.constructor === Point);
console.log(p);
function ReturnsObj() { this.a = 1; return { b: 2 }; }
console.log(new ReturnsObj());
function ReturnsPrim() { this.a = 1; return 42; }
console.log(new ReturnsPrim());
function NoArgs() { this.made = true; }
console.log(new NoArgs, new NoArgs().made);
function Counter() { Counter.count = (Counter.count || 0) + 1; }
new Counter(); new Counter(); new Counter();
console.log(Counter.count);
var ns = { Inner: function (v) { this.v = v; } };
console.log(new ns.Inner("nested ctor").v);
function Fac(n) { if (!(this instanceof Fac)) return new Fac(n); this.n = n; }
console.log(Fac(5).n, new Fac(6).n);
