// for-in visits inherited enumerable properties after own ones
function Base() { this.own1 = 1; }
Base.prototype.inherited1 = "p1";
Base.prototype.method = function () {};
function Derived() { Base.call(this); this.own2 = 2; }
Derived.prototype = new Base();
Derived.prototype.inherited2 = "p2";
var d = new Derived();
var keys = [];
for (var k in d) keys.push(k);
console.log(keys);
var own = [];
for (var k2 in d) if (d.hasOwnProperty(k2)) own.push(k2);
console.log(own);
console.log(Object.keys(d));
var shadowed = new Base();
shadowed.inherited1 = "own now";
var sk = [];
for (var k3 in shadowed) sk.push(k3 + ":" + typeof shadowed[k3]);
console.log(sk);
class C { m() {} }
var ck = [];
for (var k4 in new C()) ck.push(k4);
console.log(ck.length);
