// console.log truncates arrays longer than 100 items with a "more items" note
var big = [];
for (var i = 0; i < 150; i++) big.push(i);
console.log(big);
var exact = [];
for (var j = 0; j < 101; j++) exact.push(0);
console.log(exact);
var hundred = [];
for (var k = 0; k < 100; k++) hundred.push(k % 10);
console.log(hundred);
var strs = [];
for (var m = 0; m < 103; m++) strs.push("s" + m);
console.log(strs);
