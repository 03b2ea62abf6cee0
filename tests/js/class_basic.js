// Class declarations: constructor, methods, instance fields via constructor
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  add(other) { return new Point(this.x + other.x, this.y + other.y); }
  toString() { return "(" + this.x + ", " + this.y + ")"; }
}
var p = new Point(1, 2).add(new Point(10, 20));
console.log(p.x, p.y, String(p), "" + p);
console.log(p);
console.log(typeof Point, Point.name);
console.log(p instanceof Point, p.constructor === Point);
console.log(Object.keys(p));
var keys = [];
for (var k in p) keys.push(k);
console.log(keys);
class Empty {}
console.log(new Empty());
var Expr = class {
  hi() { return "anonymous class expr"; }
};
console.log(new Expr().hi(), Expr.name);
var Named = class Inner {
  who() { return Inner.name; }
};
console.log(new Named().who(), typeof Inner);
