// Template literals: expressions, nesting, multi-line
var name = "world";
var n = 3;
console.log(`hello ${name}`);
console.log(`${n} + ${n} = ${n + n}`);
console.log(`nested ${`inner ${name.toUpperCase()}`} end`);
console.log(`multi
line`);
console.log(`obj: ${{}} arr: ${[1, 2]} null: ${null} undef: ${undefined}`);
console.log(`escape: \` \${not} \n`.length);
console.log(`${1}${2}${3}`);
console.log(``);
console.log(`ternary: ${n > 2 ? "big" : "small"}`);
function tag(x) { return `<${x}>`; }
console.log(`call: ${tag("b")}`);
var items = [1, 2, 3];
console.log(`list: ${items.map(function (i) { return `[${i}]`; }).join("")}`);
console.log(`${-0} ${0.1 + 0.2} ${1e21}`);
