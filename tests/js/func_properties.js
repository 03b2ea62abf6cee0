// Functions are objects: custom properties, name and length
function counter() { counter.calls = (counter.calls || 0) + 1; return counter.calls; }
counter(); counter();
console.log(counter.calls);
function three(a, b, c) {}
console.log(three.name, three.length);
var anon = function () {};
console.log(anon.name);
var arrow = (x, y) => x;
console.log(arrow.name, arrow.length);
var o = { method() {}, prop: function () {}, ["comp" + "uted"]: () => {} };
console.log(o.method.name, o.prop.name, o.computed.name);
function withRest(a, ...r) {}
function withDefault(a, b = 1, c) {}
console.log(withRest.length, withDefault.length);
three.meta = { version: 2 };
console.log(three.meta.version);
console.log(typeof three.prototype, typeof arrow.prototype);
console.log(three.prototype.constructor === three);
var fns = { a: function () { return "a"; } };
fns.b = fns.a;
console.log(fns.b(), fns.b.name);
