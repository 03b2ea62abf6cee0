// In strict mode, function declarations in blocks are block scoped
"use strict";
function outer() {
  var results = [];
  {
    function helper() { return "block helper"; }
    results.push(helper());
  }
  results.push(typeof helper);
  if (true) {
    function conditional() { return "cond"; }
    results.push(conditional());
  }
  results.push(typeof conditional);
  return results;
}
console.log(outer());
{
  function early() { return later(); }
  function later() { return "hoisted within block"; }
  console.log(early());
}
console.log(typeof early);
let result = [];
for (let i = 0; i < 2; i++) {
  function perIter() { return i; }
  result.push(perIter());
}
console.log(result);
