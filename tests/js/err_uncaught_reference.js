// Calling an undeclared function throws an uncaught ReferenceError
console.log("start");
function run() {
  return notDefinedFunction(1);
}
run();
console.log("unreachable");
