// Assigning to a const binding throws an uncaught TypeError
const limit = 10;
console.log("limit", limit);
limit = 20;
console.log("unreachable", limit);
