// Explicit this via call, apply and bind, including partial application
function describe(greeting, punct) { return greeting + ", " + this.name + punct; }
var ann = { name: "Ann" };
console.log(describe.call(ann, "Hi", "!"));
console.log(describe.apply(ann, ["Hello", "?"]));
var bound = describe.bind(ann, "Hey");
console.log(bound("."), bound("!!"));
var rebound = bound.bind({ name: "Other" });
console.log(rebound("~"));
function Person(name) { this.name = name; }
var BoundPerson = Person.bind(null, "fixed");
var p = new BoundPerson();
console.log(p.name, p instanceof Person);
var arr = [3, 1, 2];
console.log(Math.max.apply(null, arr));
var slice = Array.prototype.slice;
console.log(slice.call("abc"));
function arrowInside() { return (() => this.name).call({ name: "ignored" }); }
console.log(arrowInside.call({ name: "lexical" }));
console.log(describe.call({ name: "num" }, 1, 2));
