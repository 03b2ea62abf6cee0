// Loop edge cases: zero iterations, modifying counters, large counts
var n = 0;
for (var i = 10; i < 10; i++) n++;
console.log(n);
for (var j = 0; j < 10; j++) { if (j === 3) j = 7; n++; }
console.log(n, j);
var iterations = 0;
for (var k = 0; k < 1000000; k++) iterations++;
console.log(iterations);
var arr = [1, 2, 3, 4];
for (var a = 0; a < arr.length; a++) if (arr[a] === 2) arr.length = 0, arr.push(1, 3, 4);
console.log(arr);
var w = 0;
while (true) { if (++w === 5) break; }
console.log(w);
var countDownLog = [];
for (var d = 3; d; d--) countDownLog.push(d);
console.log(countDownLog);
var f = 0.0;
var steps = 0;
for (f = 0; f < 1; f += 0.25) steps++;
console.log(steps, f);
var s = "";
for (var c = "a"; c.length < 4; c += "a") s += c.length;
console.log(s);
