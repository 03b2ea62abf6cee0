// Nullish coalescing ?? vs ||
console.log(null ?? "a");
console.log(undefined ?? "b");
console.log(0 ?? "c", 0 || "c");
console.log("" ?? "d", "" || "d");
console.log(false ?? "e", NaN ?? "f");
var o = { x: 0, y: null };
console.log(o.x ?? 10, o.y ?? 20, o.z ?? 30);
var calls = 0;
function side() { calls++; return "side"; }
console.log(1 ?? side());
console.log(null ?? side());
console.log(calls);
console.log((null ?? undefined) ?? "chain");
console.log(null ?? (0 || "mixed"));
var a;
a ??= 5;
console.log(a);
a ??= 6;
console.log(a);
