// Conditional operator chains and the comma operator
function classify(n) {
  return n < 0 ? "neg" : n === 0 ? "zero" : n < 10 ? "small" : "big";
}
console.log(classify(-5), classify(0), classify(3), classify(50));
var x = (1, 2, 3);
console.log(x);
var i, j;
for (i = 0, j = 10; i < j; i += 3, j -= 3) {}
console.log(i, j);
var calls = [];
var r = (calls.push("a"), calls.push("b"), calls.length);
console.log(r, calls);
console.log(true ? "yes" : "no");
console.log("" ? "yes" : "no");
var t = false ? 1 : true ? 2 : 3;
console.log(t);
var k = 0;
var v = (k++, k++, k);
console.log(v, k);
console.log(null ? "a" : undefined ? "b" : 0 ? "c" : "d");
