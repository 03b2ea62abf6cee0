// Accessors combined with plain properties, inheritance and enumeration
var base = {
  _x: 1,
  get x() { return this._x; },
  set x(v) { this._x = v * 10; },
};
var derived = Object.create(base);
derived.x = 2;
console.log(derived.x, base.x, derived.hasOwnProperty("_x"), derived.hasOwnProperty("x"));
var keys = [];
for (var k in base) keys.push(k);
console.log(keys);
var lazy = {
  get value() {
    var computed = 6 * 7;
    this.cache = computed;
    return computed;
  },
};
console.log(lazy.value, lazy.cache);
var fullName = {
  first: "Ada",
  last: "Lovelace",
  get full() { return this.first + " " + this.last; },
  set full(v) {
    var parts = v.split(" ");
    this.first = parts[0];
    this.last = parts[1];
  },
};
fullName.full = "Grace Hopper";
console.log(fullName.first, fullName.last, fullName.full);
var computedAcc = { get ["dyn" + 1]() { return "dynamic getter"; } };
console.log(computedAcc.dyn1);
console.log(JSON.stringify(fullName));
