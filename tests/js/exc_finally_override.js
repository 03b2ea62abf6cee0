// finally's own return/throw overrides the try/catch completion
function retOverride() {
  try { return 1; } finally { return 2; }
}
console.log(retOverride());
function throwSwallowed() {
  try { throw new Error("lost"); } finally { return "finally wins"; }
}
console.log(throwSwallowed());
function finallyThrows() {
  try { return "never"; } finally { throw new Error("from finally"); }
}
try { finallyThrows(); } catch (e) { console.log(e.message); }
function catchThenFinally() {
  try { throw 1; } catch (e) { throw 2; } finally { return "finally after catch throw"; }
}
console.log(catchThenFinally());
function breakInFinally() {
  for (var i = 0; i < 3; i++) {
    try { return "try-return"; } finally { break; }
  }
  return "after loop " + i;
}
console.log(breakInFinally());
function continueInFinally() {
  var n = 0;
  for (var i = 0; i < 3; i++) {
    try { throw new Error("e"); } finally { n++; continue; }
  }
  return n;
}
console.log(continueInFinally());
