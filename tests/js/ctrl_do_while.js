// do-while runs the body at least once; continue jumps to the condition
var i = 10;
do {
  console.log("ran with", i);
  i++;
} while (i < 10);
var n = 0, out = [];
do {
  n++;
  if (n === 2) continue;
  out.push(n);
} while (n < 5);
console.log(out);
var digits = [], x = 9075;
do {
  digits.push(x % 10);
  x = Math.floor(x / 10);
} while (x > 0);
console.log(digits);
var c = 0;
do c++; while (c < 3)
console.log(c);
var b = 0;
do {
  b++;
  if (b > 2) break;
} while (true);
console.log(b);
