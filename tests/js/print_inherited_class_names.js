// console.log shows the constructor name for objects made by constructors and classes
function Plain() { this.a = 1; }
console.log(new Plain());
function EmptyCtor() {}
console.log(new EmptyCtor());
class Base { constructor() { this.base = true; } }
class Derived extends Base { constructor() { super(); this.derived = true; } }
console.log(new Derived());
console.log([new Base(), new Derived()]);
console.log({ nested: { deeper: new Derived() } });
var anonInst = new (class { constructor() { this.v = 1; } })();
console.log(anonInst);
var fromCreate = Object.create(Base.prototype);
console.log(fromCreate);
