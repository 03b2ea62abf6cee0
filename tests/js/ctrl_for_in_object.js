// for-in over object properties in insertion order, skipping non-enumerables
var o = { b: 1, a: 2, c: 3 };
var keys = [];
for (var k in o) keys.push(k);
console.log(keys);
o.d = 4;
delete o.a;
keys = [];
for (var k2 in o) keys.push(k2 + "=" + o[k2]);
console.log(keys.join(" "));
var empty = 0;
for (var e in {}) empty++;
console.log(empty);
for (var n in null) console.log("never null");
for (var u in undefined) console.log("never undefined");
var str = [];
for (var s in "abc") str.push(s);
console.log(str);
var arr = [];
for (var i in [5, 6]) arr.push(typeof i);
console.log(arr);
var added = [];
var grow = { x: 1 };
for (var key in grow) { added.push(key); }
console.log(added);
