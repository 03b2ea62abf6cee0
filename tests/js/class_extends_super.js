// Class inheritance: super() constructor calls and super.method()
class Animal {
  constructor(name) { this.name = name; }
  speak() { return this.name + " makes a noise"; }
  describe() { return "Animal(" + this.name + ")"; }
}
class Dog extends Animal {
  constructor(name, breed) {
    super(name);
    this.breed = breed;
  }
  speak() { return super.speak() + " (woof)"; }
}
class Puppy extends Dog {
  speak() { return super.speak() + " (tiny)"; }
}
var d = new Dog("Rex", "lab");
var p = new Puppy("Bit", "pug");
console.log(d.speak());
console.log(p.speak());
console.log(p.describe());
console.log(p.name, p.breed);
console.log(p instanceof Puppy, p instanceof Dog, p instanceof Animal);
console.log(d);
console.log(p);
class NoCtor extends Animal {}
console.log(new NoCtor("implicit").name);
class Counter {
  constructor() { this.n = 0; }
  inc() { this.n++; return this; }
}
class DoubleCounter extends Counter {
  inc() { super.inc(); return super.inc(); }
}
console.log(new DoubleCounter().inc().inc().n);
