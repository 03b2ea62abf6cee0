// Template literal edge cases: escapes, objects with toString, nested backticks
var obj = { toString: function () { return "custom"; } };
console.log(`${obj}`);
console.log(`a${1}b${2}c`);
console.log(`\u0041\x42\n`.length);
console.log(`line1
  indented line2`);
console.log(`$ {not} $notinterp {}`);
console.log(`${"`"}`);
console.log(`${`${`deep`}`}`);
var arr = [1, [2, 3]];
console.log(`${arr}`);
console.log(`${[]}|${{}}|${null}|${true}`);
var n = 5;
console.log(`${n}${n}` === "55", typeof `${n}`);
console.log(`${n > 3 ? `big ${n}` : `small ${n}`}`);
console.log(`\${n}`);
function f() { return "fn"; }
console.log(`${f()}${f()}`);
console.log(`${-0} ${[-0]} ${1 / 0}`);
