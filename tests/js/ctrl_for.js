// Classic for loops: empty clauses, multiple variables, nested loops
var out = [];
for (var i = 0; i < 5; i++) out.push(i * i);
console.log(out);
var j = 0;
for (; j < 3; ) j++;
console.log(j);
var k = 0;
for (;;) { if (++k >= 4) break; }
console.log(k);
var table = [];
for (var r = 1; r <= 3; r++) {
  var row = [];
  for (var c = 1; c <= 3; c++) row.push(r * c);
  table.push(row.join(" "));
}
console.log(table);
for (var a = 0, b = 10; a < b; a += 2, b -= 2) console.log(a, b);
var sum = 0;
for (let n = 1; n <= 100; n++) { if (n % 3 && n % 5) continue; sum += n; }
console.log(sum);
for (var d = 10; d > 0; d -= 3) console.log("down", d);
var count = 0;
for (let q = 0; q < 3; q++) for (let w = 0; w < 3; w++) if (q !== w) count++;
console.log(count);
