// finally observes state changes and runs in the right order across calls
var trace = [];
function step(name, fail) {
  trace.push("enter " + name);
  try {
    if (fail) throw new Error(name + " failed");
    trace.push("ok " + name);
    return name;
  } finally {
    trace.push("exit " + name);
  }
}
function pipeline() {
  try {
    step("a", false);
    step("b", true);
    step("c", false);
  } catch (e) {
    trace.push("caught " + e.message);
  } finally {
    trace.push("pipeline done");
  }
}
pipeline();
console.log(trace.join("; "));
var resource = { open: false };
function use(r, f) {
  r.open = true;
  try { return f(); } finally { r.open = false; }
}
console.log(use(resource, function () { return resource.open; }), resource.open);
try {
  use(resource, function () { throw "oops"; });
} catch (e) {
  console.log(e, resource.open);
}
var count = 0;
while (true) {
  try {
    count++;
    if (count === 3) break;
  } finally {
    if (count === 3) console.log("finally on break", count);
  }
}
