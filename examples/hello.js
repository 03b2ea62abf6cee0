// hello.js — the first program to run: values, a closure and a class.
const greet = (who) => `Hello, ${who}!`;
console.log(greet("reef"));

class Counter {
  constructor() { this.n = 0; }
  inc() { return ++this.n; }
}
const c = new Counter();
c.inc(); c.inc();
console.log([1, { a: "x" }], 0.1 + 0.2, -0, c);
