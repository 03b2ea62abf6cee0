// Closures capturing loop variables: let creates a binding per iteration, var does not
var fnsVar = [];
for (var i = 0; i < 3; i++) fnsVar.push(function () { return i; });
console.log(fnsVar.map(function (f) { return f(); }));
var fnsLet = [];
for (let j = 0; j < 3; j++) fnsLet.push(function () { return j; });
console.log(fnsLet.map(function (f) { return f(); }));
var fnsMut = [];
for (let k = 0; k < 6; k++) {
  fnsMut.push(function () { return k; });
  k++;
}
console.log(fnsMut.map(function (f) { return f(); }));
var fnsIn = [];
for (let key in { a: 1, b: 2 }) fnsIn.push(() => key);
console.log(fnsIn.map((f) => f()));
var fnsOf = [];
for (const v of ["x", "y"]) fnsOf.push(() => v);
console.log(fnsOf.map((f) => f()));
var fnsIife = [];
for (var m = 0; m < 3; m++) {
  (function (captured) {
    fnsIife.push(function () { return captured; });
  })(m);
}
console.log(fnsIife.map(function (f) { return f(); }));
var fnsWhile = [];
let w = 0;
while (w < 3) {
  let copy = w;
  fnsWhile.push(() => copy);
  w++;
}
console.log(fnsWhile.map((f) => f()));
