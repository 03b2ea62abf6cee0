// for-of over arrays and strings (by code point), with break/continue
var out = [];
for (var x of [10, 20, 30]) out.push(x + 1);
console.log(out);
var chars = [];
for (const ch of "héllo") chars.push(ch);
console.log(chars);
var emoji = [];
for (const e of "a😀b") emoji.push(e.length);
console.log(emoji);
for (let v of [1, 2, 3, 4, 5]) {
  if (v === 2) continue;
  if (v === 4) break;
  console.log("v", v);
}
var holes = [];
for (var h of [1, , 3]) holes.push(h);
console.log(holes);
var nested = [[1, 2], [3, 4]];
var flat = [];
for (var row of nested) for (var cell of row) flat.push(cell);
console.log(flat);
var grow = [1, 2];
var seen = 0;
for (var g of grow) { seen++; if (grow.length < 5) grow.push(g * 10); }
console.log(seen, grow);
for (var e2 of []) console.log("never");
var lastVar;
for (lastVar of ["p", "q"]) {}
console.log(lastVar);
