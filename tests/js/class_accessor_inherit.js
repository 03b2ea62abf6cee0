// Method overriding, polymorphism, and accessing overridden methods via super
class Base {
  name() { return "base"; }
  hello() { return "hello from " + this.name(); }
  static kind() { return "Base kind"; }
}
class Mid extends Base {
  name() { return "mid>" + super.name(); }
}
class Leaf extends Mid {
  name() { return "leaf>" + super.name(); }
  static kind() { return "Leaf <- " + super.kind(); }
}
console.log(new Base().hello());
console.log(new Mid().hello());
console.log(new Leaf().hello());
console.log(Leaf.kind());
var objs = [new Leaf(), new Base(), new Mid()];
console.log(objs.map(function (o) { return o.name(); }));
console.log(Leaf.prototype instanceof Base, Leaf.prototype instanceof Mid);
console.log(Mid.kind(), typeof Leaf.prototype.hello);
