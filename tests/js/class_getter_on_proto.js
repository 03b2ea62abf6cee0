// Class accessors live on the prototype and are shared, fields set in constructors are own
class Person {
  constructor(first, last) {
    this.first = first;
    this.last = last;
  }
  get full() { return this.first + " " + this.last; }
  set full(v) {
    var i = v.indexOf(" ");
    this.first = v.slice(0, i);
    this.last = v.slice(i + 1);
  }
  get initials() { return this.first[0] + this.last[0]; }
}
var p = new Person("Alan", "Turing");
console.log(p.full, p.initials);
p.full = "Ada Lovelace";
console.log(p.first, p.last, p.initials);
console.log(p.hasOwnProperty("full"), "full" in p);
console.log(Object.keys(p));
console.log(p);
var q = new Person("Grace", "Hopper");
console.log(q.full);
p.initials = "XX";
console.log(p.initials);
