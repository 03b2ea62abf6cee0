// Chained assignment, assignment expressions and evaluation order
var a, b, c;
a = b = c = 5;
console.log(a, b, c);
var o = {};
o.x = o.y = "shared";
console.log(o);
var v = (a = 10);
console.log(v, a);
var arr = [0, 0, 0];
var i = 0;
arr[i++] = arr[i++] = i;
console.log(arr, i);
var log = [];
function k(n) { log.push("k" + n); return "p" + n; }
function val(n) { log.push("v" + n); return n; }
var target = {};
target[k(1)] = val(1);
target[k(2)] += val(2);
console.log(log, target);
var obj = { n: 1 };
var old = obj;
obj.n = (obj = { n: 2 }).n + 10;
console.log(old.n, obj.n);
var x = 1;
x += x++ + ++x;
console.log(x);
var s = "a";
s += s += "b";
console.log(s);
