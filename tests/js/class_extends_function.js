// Classes extending constructor functions and null-safe base behaviour
function Legacy(v) {
  this.v = v;
}
Legacy.prototype.get = function () { return "legacy " + this.v; };
class Modern extends Legacy {
  constructor(v) {
    super(v * 2);
  }
  get() { return "modern " + super.get(); }
}
var m = new Modern(5);
console.log(m.get(), m instanceof Legacy);
class Chained extends Modern {
  get() { return "chained " + super.get(); }
}
console.log(new Chained(1).get(), new Chained(1).v);
class Shape {
  area() { return 0; }
  describe() { return this.constructor.name + " area " + this.area(); }
}
class Circle extends Shape {
  constructor(r) { super(); this.r = r; }
  area() { return Math.floor(3.14159 * this.r * this.r); }
}
class Sq extends Shape {
  constructor(s) { super(); this.s = s; }
  area() { return this.s * this.s; }
}
var shapes = [new Circle(2), new Sq(3), new Shape()];
for (var i = 0; i < shapes.length; i++) console.log(shapes[i].describe());
var dyn = function (B) { return class extends B { extra() { return "mixed in"; } }; };
var Mixed = dyn(Sq);
console.log(new Mixed(2).extra(), new Mixed(2).area());
