// Relational comparisons with mixed types
console.log(1 < 2, 2 < 1, 2 <= 2, 3 >= 4);
console.log("2" < 10, "20" < "3", 20 < "3");
console.log("abc" < 1, "abc" > 1);
console.log(null < 1, undefined < 1, undefined > -1);
console.log(true > false, true >= 1);
console.log([2] > 1, [1, 2] > 0);
console.log("" < 1, " " == 0);
console.log(Infinity > "1e308", -Infinity < "-1e308");
var obj = { valueOf: function () { return 42; } };
console.log(obj > 41, obj < 43, obj == 42);
var s = { toString: function () { return "b"; } };
console.log(s > "a", s < "c");
console.log(1 < 2 < 3, 3 > 2 > 1);
console.log(NaN >= NaN, "NaN" < "Na");
