// console.log of class instances and constructor-function instances shows the class name
class A {
  constructor() { this.x = 1; }
}
class B extends A {
  constructor() { super(); this.y = "two"; }
}
console.log(new A());
console.log(new B());
class Empty {}
console.log(new Empty());
function Legacy(v) { this.v = v; }
console.log(new Legacy([1, 2]));
console.log([new A(), new Empty()]);
console.log({ inst: new B() });
class WithMethods {
  constructor() { this.data = { k: "v" }; }
  method() {}
  get prop() { return 1; }
}
console.log(new WithMethods());
