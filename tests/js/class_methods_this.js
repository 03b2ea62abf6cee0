// Class bodies are strict: detached methods get undefined this
class Greeter {
  constructor(name) { this.name = name; }
  greet() { return "hi " + this.name; }
  whoIsThis() { return this; }
}
var g = new Greeter("ann");
console.log(g.greet());
var detached = g.whoIsThis;
console.log(detached());
var greetDetached = g.greet;
try {
  greetDetached();
} catch (e) {
  console.log(e.name);
}
var boundGreet = g.greet.bind(g);
console.log(boundGreet());
class Clicker {
  constructor() {
    this.clicks = 0;
    this.handler = () => { this.clicks++; return this.clicks; };
  }
}
var c = new Clicker();
var h = c.handler;
h(); h();
console.log(c.clicks);
console.log(Object.keys(Greeter.prototype));
console.log(typeof Greeter.prototype.greet);
