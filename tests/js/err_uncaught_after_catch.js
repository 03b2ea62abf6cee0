// An error rethrown from a catch block escapes to the top level
function work() {
  try {
    throw new RangeError("index too large");
  } catch (e) {
    console.log("logging", e.name);
    throw e;
  } finally {
    console.log("cleanup");
  }
}
work();
