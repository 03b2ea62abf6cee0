// this binding in method calls, detached methods, call and apply
var obj = {
  name: "obj",
  greet: function (greeting) { return greeting + " from " + this.name; },
  nested: { name: "nested", who: function () { return this.name; } },
};
console.log(obj.greet("hi"));
console.log(obj.nested.who());
console.log(obj["greet"]("bracket"));
var other = { name: "other", greet: obj.greet };
console.log(other.greet("borrowed"));
console.log(obj.greet.call({ name: "called" }, "call"));
console.log(obj.greet.apply({ name: "applied" }, ["apply"]));
var bound = obj.greet.bind({ name: "bound" });
console.log(bound("bind"));
console.log(bound.call({ name: "ignored" }, "still"));
function Chain() { this.v = 0; }
Chain.prototype.add = function (n) { this.v += n; return this; };
console.log(new Chain().add(1).add(2).add(3).v);
var detached = obj.nested.who;
console.log(typeof detached);
console.log((obj.nested.who)());
var holder = { list: [function () { return this === holder.list; }] };
console.log(holder.list[0]());
