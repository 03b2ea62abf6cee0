// while loops with break/continue and complex conditions
var i = 0, out = [];
while (i < 10) {
  i++;
  if (i % 2 === 0) continue;
  if (i > 7) break;
  out.push(i);
}
console.log(out, i);
var n = 27, steps = 0;
while (n !== 1) {
  n = n % 2 === 0 ? n / 2 : 3 * n + 1;
  steps++;
}
console.log(steps);
var never = 0;
while (false) never++;
console.log(never);
var s = "hello world", pos = 0, spaces = 0;
while ((pos = s.indexOf("o", pos)) !== -1) { spaces++; pos++; }
console.log(spaces);
var k = 3;
while (k--) console.log("k", k);
console.log(k);
