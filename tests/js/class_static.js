// Static methods and static properties on classes
class MathUtil {
  static square(x) { return x * x; }
  static cube(x) { return x * MathUtil.square(x); }
  static get pi() { return 3.14; }
  instanceMethod() { return "instance"; }
}
console.log(MathUtil.square(4), MathUtil.cube(3), MathUtil.pi);
console.log(typeof new MathUtil().square);
console.log(typeof MathUtil.instanceMethod);
class Registry {
  static register(name) {
    if (!this.names) this.names = [];
    this.names.push(name);
    return this.names.length;
  }
}
Registry.register("a");
console.log(Registry.register("b"), Registry.names);
class Sub extends MathUtil {
  static cube(x) { return "sub " + super.cube(x); }
}
console.log(Sub.square(5), Sub.cube(2));
class Config {
  constructor() { Config.count++; }
  static describe() { return "count=" + this.count; }
}
Config.count = 0;
Config.defaults = { debug: false };
new Config(); new Config();
console.log(Config.count, Config.defaults, Config.describe());
class Factory {
  constructor(v) { this.v = v; }
  static create(v) { return new this(v); }
}
class SubFactory extends Factory {}
var made = SubFactory.create(7);
console.log(made instanceof SubFactory, made.v);
