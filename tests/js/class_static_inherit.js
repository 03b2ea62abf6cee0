// Static members are inherited via the constructor prototype chain
class Base {
  static create() { return new this(); }
  static describe() { return "I am " + this.name; }
  static get tag() { return "base-tag"; }
  who() { return "base instance"; }
}
class Child extends Base {
  who() { return "child instance"; }
  static get tag() { return "child+" + super.tag; }
}
console.log(Base.describe(), Child.describe());
console.log(Base.create().who(), Child.create().who());
console.log(Base.tag, Child.tag);
console.log(Child.create() instanceof Child, Child.create() instanceof Base);
Base.counter = 1;
console.log(Child.counter);
Child.counter = 5;
console.log(Base.counter, Child.counter);
console.log(Child.hasOwnProperty("describe"), Base.hasOwnProperty("describe"));
console.log(Object.keys(Child));
