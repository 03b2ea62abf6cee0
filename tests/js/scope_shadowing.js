// Shadowing between globals, parameters, locals and block bindings
var x = "global x";
function params(x) {
  console.log("param", x);
  var x;
  console.log("after var redeclare", x);
  x = "reassigned";
  return x;
}
console.log(params("arg"), x);
function inner() {
  var x = "function x";
  {
    let x = "block x";
    console.log(x);
  }
  console.log(x);
}
inner();
function fnShadow() {
  function x() { return "inner function x"; }
  return x();
}
console.log(fnShadow(), typeof x);
var y = 1;
function readsOuter() { return y; }
function hasLocal() { var y = 2; return readsOuter(); }
console.log(hasLocal());
function catchShadow() {
  var e = "outer e";
  try { throw "thrown e"; } catch (e) { console.log(e); }
  return e;
}
console.log(catchShadow());
let z = "outer z";
for (let z = 0; z < 1; z++) console.log("loop z", z);
console.log(z);
