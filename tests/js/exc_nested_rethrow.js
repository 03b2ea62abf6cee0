// Nested try blocks, rethrow, and errors thrown inside catch
function level(n) {
  try {
    if (n === 0) throw new Error("bottom");
    return level(n - 1);
  } catch (e) {
    e.message += " <" + n;
    throw e;
  }
}
try { level(3); } catch (e) { console.log(e.message); }
try {
  try {
    throw new TypeError("inner");
  } catch (e) {
    console.log("inner caught", e.name);
    throw new RangeError("replaced");
  } finally {
    console.log("inner finally");
  }
} catch (e) {
  console.log("outer caught", e.name, e.message);
}
function selective(v) {
  try {
    throw v;
  } catch (e) {
    if (typeof e === "number") return "handled number " + e;
    throw e;
  }
}
console.log(selective(5));
try { selective("s"); } catch (e) { console.log("rethrown", e); }
var depth = 0;
try {
  try {
    try { throw 1; } finally { depth++; }
  } finally { depth++; }
} catch (e) { console.log("caught", e, "depth", depth); }
