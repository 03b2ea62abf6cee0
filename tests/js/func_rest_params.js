// Rest parameters collect remaining arguments into a real array
function sum(...nums) {
  var t = 0;
  for (var i = 0; i < nums.length; i++) t += nums[i];
  return t;
}
console.log(sum(), sum(1), sum(1, 2, 3, 4));
function head(first, ...rest) { return [first, rest]; }
console.log(head(1, 2, 3));
console.log(head(1));
console.log(head());
function isArr(...r) { return Array.isArray(r); }
console.log(isArr());
var arrow = (...args) => args.length;
console.log(arrow(1, 2, 3));
function tail(a, b, ...more) { return more.map((x) => x * 2); }
console.log(tail(1, 2, 3, 4, 5));
console.log(tail.length);
function passthrough(...args) { return sum(...args); }
console.log(passthrough(10, 20));
