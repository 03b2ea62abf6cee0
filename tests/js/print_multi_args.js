// console.log with multiple arguments of mixed types
console.log([1, { a: "x" }], 0.1 + 0.2, -0);
console.log("a", 1, true, null, undefined);
console.log("str", "another str");
console.log(1, "1", [1], ["1"]);
console.log();
console.log("");
console.log("", "");
console.log({}, [], "");
console.log(NaN, -Infinity, 1e21, -1.5e-7);
console.log(["nested", ["deeper", ["deepest"]]], { k: [1, 2] });
