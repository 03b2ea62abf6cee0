// Prototype properties are shared; assignment creates own properties
function Box() {}
Box.prototype.items = [];
Box.prototype.count = 0;
var b1 = new Box(), b2 = new Box();
b1.items.push("shared");
b1.count++;
console.log(b2.items, b1.count, b2.count);
console.log(b1.hasOwnProperty("items"), b1.hasOwnProperty("count"));
function Fixed() { this.items = []; }
var f1 = new Fixed(), f2 = new Fixed();
f1.items.push("own");
console.log(f1.items, f2.items);
Box.prototype.describe = function () { return "box with " + this.items.length; };
console.log(b1.describe(), b2.describe());
Box.prototype = { replaced: true };
var b3 = new Box();
console.log(b3.replaced, b1.replaced, typeof b3.describe);
var base = { greet: function () { return "hello " + this.who; }, who: "base" };
var derived = Object.create(base);
derived.who = "derived";
console.log(derived.greet(), base.greet());
