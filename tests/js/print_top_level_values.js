// console.log of primitive values at top level
console.log(42);
console.log(-7.25);
console.log("string without quotes");
console.log(true);
console.log(false);
console.log(null);
console.log(undefined);
console.log(NaN);
console.log(-0);
console.log(0);
console.log(Infinity);
console.log(-Infinity);
console.log("");
console.log(" leading and trailing ");
console.log("multi\nline\nstring");
console.log(2 ** 31, -(2 ** 31), 2 ** 32);
