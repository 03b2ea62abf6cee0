// finally always runs: after normal completion, throw, return, break and continue
function f1() {
  try { return "try"; } finally { console.log("finally f1"); }
}
console.log(f1());
function f2() {
  try { throw new Error("x"); } catch (e) { return "catch"; } finally { console.log("finally f2"); }
}
console.log(f2());
for (var i = 0; i < 3; i++) {
  try {
    if (i === 0) continue;
    if (i === 2) break;
    console.log("body", i);
  } finally {
    console.log("finally", i);
  }
}
var log = [];
function order() {
  try {
    log.push("try");
    return log.push("return-expr");
  } finally {
    log.push("finally");
  }
}
console.log(order(), log);
function counter() {
  var x = 1;
  try { return x; } finally { x = 2; }
}
console.log(counter());
