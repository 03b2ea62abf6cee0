// Immediately invoked function expressions and module-style encapsulation
var result = (function () { return "iife"; })();
console.log(result);
console.log((function (a, b) { return a * b; })(6, 7));
console.log((() => "arrow iife")());
var Module = (function () {
  var privateCount = 0;
  function privateInc() { privateCount++; }
  return {
    increment: function () { privateInc(); return privateCount; },
    reset: function () { privateCount = 0; },
  };
})();
Module.increment();
console.log(Module.increment());
Module.reset();
console.log(Module.increment(), typeof privateCount);
!function () { console.log("bang iife"); }();
void function () { console.log("void iife"); }();
var nested = (function outer(n) {
  return (function inner(m) { return n + m; })(n * 2);
})(5);
console.log(nested);
var fact = (function f(n) { return n <= 1 ? 1 : n * f(n - 1); })(10);
console.log(fact);
