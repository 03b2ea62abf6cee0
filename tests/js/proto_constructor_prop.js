// The constructor property and prototype object identity
function Foo() {}
var f = new Foo();
console.log(Foo.prototype.constructor === Foo);
console.log(f.constructor === Foo);
console.log(f.hasOwnProperty("constructor"));
console.log(Object.keys(Foo.prototype));
Foo.prototype = { method: function () { return "m"; } };
var g = new Foo();
console.log(g.constructor === Foo, g.constructor === Object);
console.log(g.method(), f.method);
console.log(f instanceof Foo, g instanceof Foo);
var o = {};
console.log(o.constructor === Object, [].constructor === Array);
console.log((5).constructor === Number, "s".constructor === String);
function Bar() {}
var b = new b_ctor();
function b_ctor() { return new Bar(); }
console.log(b instanceof Bar, b instanceof b_ctor);
class K {}
console.log(K.prototype.constructor === K, new K().constructor.name);
