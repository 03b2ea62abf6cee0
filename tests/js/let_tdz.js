// Temporal dead zone for let/const/class throws ReferenceError
try {
  console.log(a);
  let a = 1;
} catch (e) {
  console.log(e instanceof ReferenceError, e.name);
}
try {
  b = 5;
  let b;
} catch (e) {
  console.log(e.name);
}
try {
  typeof c;
  const c = 3;
} catch (e) {
  console.log("typeof in TDZ:", e.name);
}
function useBefore() { return d; }
try {
  useBefore();
} catch (e) {
  console.log("via function:", e.name);
}
let d = "ready";
console.log(useBefore());
try {
  new K();
  class K {}
} catch (e) {
  console.log("class:", e.name);
}
let x = 1;
{
  try {
    console.log(x);
    let x = 2;
  } catch (e) {
    console.log("shadow TDZ:", e.name);
  }
}
try {
  let self = self + 1;
} catch (e) {
  console.log("self init:", e.name);
}
