// null and undefined: typeof, equality and arithmetic
var u;
console.log(u, null);
console.log(typeof u, typeof null);
console.log(null == undefined, null === undefined);
console.log(null == 0, null == false, undefined == false);
console.log(null >= 0, null > 0, null <= 0);
console.log(undefined == 0, undefined >= 0);
console.log(null + 1, undefined + 1);
console.log(String(null), String(undefined));
function f() {}
console.log(f());
function g(a) { return a; }
console.log(g());
var o = {};
console.log(o.missing);
console.log([undefined, null]);
console.log(void 0 === undefined);
console.log(JSON.stringify({ a: undefined, b: null }));
