// var redeclarations are allowed and keep the binding; function-scoped var in loops
var a = 1;
var a;
console.log(a);
var a = 2;
console.log(a);
function f() {
  for (var i = 0; i < 3; i++) {
    var inside = i * 2;
  }
  return [i, inside];
}
console.log(f());
function g(flag) {
  if (flag) {
    var declared = "yes";
  }
  return declared;
}
console.log(g(true), g(false));
function h() {
  var n = 1;
  {
    var n = 2;
  }
  return n;
}
console.log(h());
function paramAndVar(p) {
  var p;
  var q = p;
  var p = "changed";
  return [q, p];
}
console.log(paramAndVar("orig"));
