// Assigning to a const binding throws an uncaught TypeError
const limit = 10;
let used = 0;
for (let i = 0; i < limit; i++) used += i;
console.log("limit", limit, "used", used);
function bump() {
  limit = limit + 1;
  return limit;
}
console.log("calling bump");
bump();
console.log("unreachable", limit);
