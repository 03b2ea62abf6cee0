// The in operator with own, inherited, array index and deleted properties
var o = { a: 1, b: undefined };
console.log("a" in o, "b" in o, "c" in o);
console.log("toString" in o);
var arr = [10, 20, 30];
console.log(0 in arr, 2 in arr, 3 in arr, "length" in arr);
console.log("1" in arr);
var holes = [1, , 3];
console.log(1 in holes);
delete o.a;
console.log("a" in o);
function P() { this.own = 1; }
P.prototype.inherited = 2;
var p = new P();
console.log("own" in p, "inherited" in p);
try {
  console.log("x" in "string");
} catch (e) {
  console.log(e.name);
}
console.log(1.5 in { "1.5": true });
