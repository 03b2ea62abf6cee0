// Overriding prototype methods and calling the parent implementation explicitly
function Shape(name) { this.name = name; }
Shape.prototype.area = function () { return 0; };
Shape.prototype.toString = function () { return this.name + " with area " + this.area(); };
function Rect(w, h) { Shape.call(this, "rect"); this.w = w; this.h = h; }
Rect.prototype = Object.create(Shape.prototype);
Rect.prototype.constructor = Rect;
Rect.prototype.area = function () { return this.w * this.h; };
function Square(s) { Rect.call(this, s, s); this.name = "square"; }
Square.prototype = Object.create(Rect.prototype);
Square.prototype.constructor = Square;
Square.prototype.toString = function () {
  return "[" + Rect.prototype.toString.call(this) + "]";
};
var shapes = [new Shape("blob"), new Rect(2, 3), new Square(4)];
for (var i = 0; i < shapes.length; i++) console.log(String(shapes[i]));
console.log("" + shapes[2]);
console.log(shapes[2] instanceof Rect, shapes[2].constructor === Square);
console.log(shapes[1].constructor.name, shapes[2].constructor.name);
console.log(Square.prototype.hasOwnProperty("area"), Rect.prototype.hasOwnProperty("area"));
