// Prototype chains with constructor functions and property lookup/shadowing
function Animal(name) { this.name = name; }
Animal.prototype.speak = function () { return this.name + " makes a sound"; };
Animal.prototype.legs = 4;
function Bird(name) { Animal.call(this, name); }
Bird.prototype = Object.create(Animal.prototype);
Bird.prototype.constructor = Bird;
Bird.prototype.legs = 2;
Bird.prototype.fly = function () { return this.name + " flies"; };
var a = new Animal("cat"), b = new Bird("robin");
console.log(a.speak(), a.legs);
console.log(b.speak(), b.legs, b.fly());
console.log(typeof a.fly);
console.log(b.hasOwnProperty("name"), b.hasOwnProperty("legs"));
Animal.prototype.eat = function () { return this.name + " eats"; };
console.log(b.eat());
b.legs = 1;
console.log(b.legs, Bird.prototype.legs);
delete b.legs;
console.log(b.legs);
console.log(Object.getPrototypeOf(b) === Bird.prototype);
console.log(Object.getPrototypeOf(Bird.prototype) === Animal.prototype);
console.log(Object.getPrototypeOf(Animal.prototype) === Object.prototype);
console.log(Object.getPrototypeOf(Object.prototype));
console.log(b.toString());
