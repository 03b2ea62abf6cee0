// Reading a let binding before its declaration throws an uncaught ReferenceError
console.log("tdz next");
function readLater() {
  return value * 2;
}
var before = typeof readLater;
console.log("readLater is a", before);
console.log("about to read value");
console.log(readLater());
let value = 21;
console.log("unreachable", value);
