// Closures created in for loops with var vs let, and setters through closures
var logsVar = [];
for (var i = 0; i < 4; i++) logsVar[i] = () => i * 10;
var logsLet = [];
for (let i = 0; i < 4; i++) logsLet[i] = () => i * 10;
console.log(logsVar.map((f) => f()).join(" "));
console.log(logsLet.map((f) => f()).join(" "));
var setters = [], getters = [];
for (let k = 0; k < 2; k++) {
  setters.push((v) => { k = v; });
  getters.push(() => k);
}
setters[0](100);
console.log(getters[0](), getters[1]());
var nestedFns = [];
for (let a = 0; a < 2; a++) {
  for (let b = 0; b < 2; b++) {
    nestedFns.push(() => "" + a + b);
  }
}
console.log(nestedFns.map((f) => f()));
var outer = [];
for (let i = 0; i < 3; i++) {
  setTimeoutLike(() => outer.push(i));
}
function setTimeoutLike(f) { f(); }
console.log(outer);
