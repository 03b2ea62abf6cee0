// A function-level "use strict" directive affects only that function
function sloppy() { return typeof this; }
function strict() { "use strict"; return typeof this; }
console.log(sloppy());
console.log(strict());
function strictAssign() {
  "use strict";
  try {
    notDeclaredHere = 5;
    return "no error";
  } catch (e) {
    return e.name;
  }
}
console.log(strictAssign());
function sloppyAssign() {
  sloppyGlobal = 5;
  return sloppyGlobal;
}
console.log(sloppyAssign());
function outerStrict() {
  "use strict";
  return (function () { return this; })();
}
console.log(outerStrict());
console.log(strict.call(5), sloppy.call(5));
class C {
  m() { return this; }
}
var m = new C().m;
console.log(m());
