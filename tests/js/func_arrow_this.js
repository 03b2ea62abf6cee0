// Arrow functions capture this lexically, even through nested callbacks
"use strict";
function Timer(name) {
  this.name = name;
  this.log = [];
}
Timer.prototype.run = function (steps) {
  steps.forEach((s) => {
    this.log.push(this.name + ":" + s);
  });
  return this.log;
};
console.log(new Timer("t1").run([1, 2]));
var obj = {
  name: "obj",
  regular: function () { return this && this.name; },
  arrow: () => typeof this,
  nested: function () {
    return [1].map(function () { return this; });
  },
  nestedArrow: function () {
    return [1].map(() => this.name);
  },
};
console.log(obj.regular());
console.log(obj.arrow());
console.log(obj.nested());
console.log(obj.nestedArrow());
var bound = obj.nestedArrow.call({ name: "other" });
console.log(bound);
var arrow = () => this;
console.log(arrow.call({ x: 1 }) === arrow());
