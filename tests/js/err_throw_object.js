// Throwing a plain (non-Error) object uncaught
var failure = { code: 7 };
try {
  throw failure;
} catch (e) {
  console.log("caught", e, e === failure);
}
function fail() {
  throw failure;
}
console.log("throwing object");
fail();
console.log("unreachable");
