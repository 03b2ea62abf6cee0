try { decodeURIComponent('%E0%A4%A'); } catch (e) {}
new Function('('.repeat(100000));
// Function declarations are hoisted with their bodies
console.log(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early())(early());
function early() { return "hoisted"; }
console.log(typeof later);
var later = function () { return "expr"; };
console.log(later());
function outer() {
  return inner();
  function inner() { return "inner hoisted"; }
}
console.log(outer());
function dup() { return 1; }
function dup() { return 2; }
console.log(dup());
var v = 1;
function v() {}
console.log(typeof v);
function shadow() {
  console.log(typeof h);
  var h = 5;
  function h() {}
  console.log(typeof h);
}
shadow();
