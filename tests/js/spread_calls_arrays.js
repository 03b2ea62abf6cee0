// Spread in function calls and array literals
function three(a, b, c) { return a + "-" + b + "-" + c; }
var arr = [1, 2, 3];
console.log(three(...arr));
console.log(three(0, ...[8, 9]));
console.log(three(...[1], ...[2], 3));
console.log(Math.max(...arr), Math.min(...[5, -2, 9]));
var copy = [...arr];
copy.push(4);
console.log(arr, copy);
console.log([0, ...arr, 4, ...arr].join(" "));
console.log([..."héllo"]);
console.log([..."a😀"].length);
console.log([...[], ...[]]);
var nested = [[1, 2], [3]];
console.log([...nested[0], ...nested[1]]);
var holes = [1, , 3];
console.log([...holes]);
console.log(three(...["x", "y"]));
var args = [];
for (var i = 0; i < 5; i++) args.push(i);
console.log(Math.max(...args, 10));
var mixed = [..."ab", ...[1, 2]];
console.log(mixed);
