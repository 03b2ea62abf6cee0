// Optional chaining on members, calls and indexes
var o = { a: { b: { c: 1 } }, arr: [10, 20], fn: function () { return "called"; } };
var n = null;
var u;
console.log(o?.a?.b?.c);
console.log(n?.a);
console.log(u?.a.b.c);
console.log(o.x?.y);
console.log(o.arr?.[1]);
console.log(n?.[0]);
console.log(o.fn?.());
console.log(o.nofn?.());
console.log(n?.fn());
var count = 0;
function inc() { count++; return 0; }
n?.[inc()];
console.log(count);
o?.arr[inc()];
console.log(count);
console.log(o.a?.["b"]?.c);
console.log(typeof o?.fn);
console.log((n?.a) === undefined);
var m = { obj: { method: function () { return this === m.obj; } } };
console.log(m.obj?.method());
console.log(m.obj.method?.());
