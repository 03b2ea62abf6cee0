// Class getters and setters, including validation and inheritance
class Temperature {
  constructor(c) { this._c = c; }
  get fahrenheit() { return this._c * 1.8 + 32; }
  set fahrenheit(f) { this._c = (f - 32) / 1.8; }
  get celsius() { return this._c; }
  set celsius(v) {
    if (typeof v !== "number") throw new TypeError("not a number");
    this._c = v;
  }
}
var t = new Temperature(100);
console.log(t.fahrenheit, t.celsius);
t.fahrenheit = 32;
console.log(t.celsius);
try {
  t.celsius = "hot";
} catch (e) {
  console.log(e.name, e.message);
}
t.celsius = 37;
console.log(t.fahrenheit);
console.log(Object.keys(t));
class Rect {
  constructor(w, h) { this.w = w; this.h = h; }
  get area() { return this.w * this.h; }
}
class Square extends Rect {
  constructor(s) { super(s, s); }
  get area() { return "square " + super.area; }
  set side(s) { this.w = this.h = s; }
}
var s = new Square(3);
console.log(s.area);
s.side = 4;
console.log(s.area, s.w, s.h);
console.log(s.side);
