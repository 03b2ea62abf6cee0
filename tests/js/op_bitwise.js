// Bitwise operators & | ^ ~ on ints, negatives and doubles
console.log(5 & 3, 5 | 3, 5 ^ 3);
console.log(~5, ~-1, ~0);
console.log(-1 & 0xff);
console.log(0xffffffff | 0);
console.log(0x80000000 | 0);
console.log(4294967296 | 0);
console.log(3.7 | 0, -3.7 | 0);
console.log(~~12.9, ~~-12.9);
console.log(NaN | 0, Infinity | 0, -Infinity & 1);
console.log(1e21 | 0);
console.log("12" & "10");
console.log(null | 5, undefined | 5, true | 0);
console.log(0b1100 ^ 0b1010);
var mask = 0;
for (var i = 0; i < 8; i += 2) mask |= 1 << i;
console.log(mask);
console.log(2147483647 + 1 | 0);
console.log(~2147483647);
