// Deeply nested right-associative ** must be a clean error, never a crash
// (the parser recursed once per operator without a depth limit).
console.log(2 ** 3 ** 2, (-2) ** 2, 2 ** -1);
function tryCompile(src) {
  try {
    new Function(src);
    return "compiled";
  } catch (e) {
    return e instanceof SyntaxError || e instanceof RangeError ? "rejected" : "other " + e;
  }
}
console.log(tryCompile("return " + "2**".repeat(100) + "1"));
console.log(tryCompile("return " + "1**".repeat(100000) + "1"));
console.log(tryCompile("return " + "(1**".repeat(50000) + "1" + ")".repeat(50000)));
console.log("still running");
