// String(number), concatenation with numbers, and toString with radix
console.log(String(42));
console.log(String(-3.25));
console.log(String(1e21));
console.log(String(1e-7));
console.log(String(NaN), String(Infinity), String(-Infinity));
console.log("" + 0.1 * 3);
console.log((255).toString());
console.log((0.5).toString());
console.log((1e21).toString());
console.log(1 + "2");
console.log("3" + 4 + 5);
console.log(3 + 4 + "5");
console.log("10" - 3);
console.log("10" * "2");
console.log("a" - 1);
console.log(typeof String(5));
console.log(JSON.stringify([1.5, 1e21, NaN, -0]));
