// Calling an undeclared function throws an uncaught ReferenceError
console.log("start");
var helpers = { double: function (x) { return x * 2; } };
console.log(helpers.double(21));
console.log(typeof notDefinedFunction);
function run() {
  return notDefinedFunction(1);
}
run();
console.log("unreachable");
