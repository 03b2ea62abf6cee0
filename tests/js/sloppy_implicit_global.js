// Sloppy mode: assignment to undeclared name creates a global
function leak() {
  accidental = "leaked";
}
leak();
console.log(accidental);
console.log(typeof globalThis.accidental);
console.log(globalThis.accidental === accidental);
console.log(delete globalThis.accidental, typeof accidental);
function leakCounter() {
  counterGlobal = (typeof counterGlobal === "undefined" ? 0 : counterGlobal) + 1;
}
leakCounter();
leakCounter();
console.log(counterGlobal);
function notLeaked() {
  var local = 1;
  return local;
}
notLeaked();
console.log(typeof local);
