// console.log truncates arrays longer than 100 items with a "more items" note
var big = [];
for (var i = 0; i < 150; i++) big.push(i);
console.log(big);
var exact = [];
for (var j = 0; j < 101; j++) exact.push(0);
console.log(exact);
