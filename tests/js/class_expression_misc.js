// Class expressions, computed method names, and classes as values
var kinds = {};
var methodName = "dynamic";
class Tool {
  [methodName]() { return "dynamic method"; }
  ["with" + "Concat"]() { return "concat method"; }
  static ["make" + "Tool"]() { return new Tool(); }
}
var t = Tool.makeTool();
console.log(t.dynamic(), t.withConcat());
function makeClass(greeting) {
  return class {
    greet(name) { return greeting + ", " + name; }
  };
}
var Hello = makeClass("hello");
var Hi = makeClass("hi");
console.log(new Hello().greet("a"), new Hi().greet("b"));
console.log(Hello === Hi, typeof Hello);
var registry = [class A {}, class B {}];
console.log(registry.map(function (C) { return C.name; }));
var instance = new (class { constructor() { this.v = "inline"; } })();
console.log(instance.v);
class Chain {
  constructor() { this.parts = []; }
  add(p) { this.parts.push(p); return this; }
  toString() { return this.parts.join("-"); }
}
console.log(String(new Chain().add("a").add("b").add("c")));
console.log(`${new Chain().add(1)}`);
