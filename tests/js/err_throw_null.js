// Throwing null uncaught still terminates with a failure status
try {
  throw null;
} catch (e) {
  console.log("caught", e, typeof e);
}
function rethrowNull() {
  throw null;
}
console.log("throwing null");
rethrowNull();
console.log("unreachable");
