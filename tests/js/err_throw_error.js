// Uncaught Error with a message
function check(n) {
  if (n > 2) throw new Error("boom");
  return n * 10;
}
var results = [];
for (var i = 0; i < 3; i++) results.push(check(i));
console.log(results);
console.log("about to throw");
check(3);
console.log("unreachable");
