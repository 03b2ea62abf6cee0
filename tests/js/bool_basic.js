// Booleans: literals, conversion and truthiness
console.log(true, false);
console.log(!true, !false, !!1, !!0);
console.log(Boolean(""), Boolean("0"), Boolean(" "));
console.log(Boolean(0), Boolean(-0), Boolean(NaN), Boolean(1));
console.log(Boolean(null), Boolean(undefined));
console.log(Boolean({}), Boolean([]), Boolean(function () {}));
console.log(true + true, true + 1, false * 5);
console.log(true + "", String(false));
console.log(typeof true);
console.log(true === 1, true == 1, false == 0, false == "");
console.log(true == "1", true == "true");
var vals = [0, 1, "", "a", null, undefined, NaN, [], {}];
var out = [];
for (var i = 0; i < vals.length; i++) out.push(vals[i] ? "T" : "F");
console.log(out.join(""));
