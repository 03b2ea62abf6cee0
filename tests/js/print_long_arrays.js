// console.log of arrays longer than six items groups numbers into rows
var seven = [1, 2, 3, 4, 5, 6, 7];
console.log(seven);
var tens = [];
for (var i = 0; i < 26; i++) tens.push(i * 10);
console.log(tens);
var six = [100, 200, 300, 400, 500, 600];
console.log(six);
var words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"];
console.log(words);
var mixedLen = [1, 22, 333, 4444, 55555, 666666, 7777777, 1, 22, 333];
console.log(mixedLen);
