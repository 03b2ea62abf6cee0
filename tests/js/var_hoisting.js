// var hoisting: declarations hoisted, initialisations not
console.log(a);
var a = 1;
console.log(a);
function f() {
  console.log(b);
  if (false) { var b = 2; }
  console.log(b);
  b = 3;
  return b;
}
console.log(f());
for (var i = 0; i < 3; i++) {}
console.log(i);
{
  var inBlock = "visible";
}
console.log(inBlock);
var a;
console.log(a);
function g() {
  x = 10;
  var x;
  return x;
}
console.log(g());
console.log(typeof x);
