// Forms of new: with/without parens, member expressions and chaining
function Box(v) { this.v = v === undefined ? "default" : v; }
Box.prototype.get = function () { return this.v; };
console.log(new Box().get());
console.log(new Box(5).get());
console.log(new Box, (new Box).v);
var ns = { inner: { Box: Box } };
console.log(new ns.inner.Box("nested").v);
var ctors = [Box];
console.log(new ctors[0]("from array").v);
function factory() { return Box; }
console.log(new (factory())("from call").v);
class Pair {
  constructor(a, b) { this.a = a; this.b = b; }
  swap() { return new Pair(this.b, this.a); }
}
console.log(new Pair(1, 2).swap());
var args = [7, 8];
console.log(new Pair(...args));
function Self() {
  if (!(this instanceof Self)) return "called without new";
  this.ok = true;
}
console.log(Self(), new Self().ok);
