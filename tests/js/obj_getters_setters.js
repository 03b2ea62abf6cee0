// Getters and setters in object literals
var temp = {
  _c: 20,
  get f() { return this._c * 9 / 5 + 32; },
  set f(v) { this._c = (v - 32) * 5 / 9; },
  get c() { return this._c; },
};
console.log(temp.f, temp.c);
temp.f = 212;
console.log(temp.c, temp.f);
temp.c = 5;
console.log(temp.c);
var log = [];
var watched = {
  _v: 0,
  get v() { log.push("get"); return this._v; },
  set v(n) { log.push("set " + n); this._v = n; },
};
watched.v = 3;
watched.v += 4;
watched.v++;
console.log(watched.v, log);
var onlySet = { set w(v) { this.stored = v; } };
onlySet.w = "x";
console.log(onlySet.w, onlySet.stored);
var counter = { n: 0, get next() { return ++this.n; } };
console.log(counter.next, counter.next, counter.next);
var child = Object.create(temp);
child.f = 32;
console.log(child.c, temp.c, Object.keys(child));
