// const bindings cannot be reassigned but objects stay mutable
const a = 1;
try {
  a = 2;
} catch (e) {
  console.log(e instanceof TypeError, e.name);
}
console.log(a);
const o = { n: 1 };
o.n = 2;
o.m = 3;
console.log(o);
const arr = [];
arr.push(1, 2);
console.log(arr);
try {
  a++;
} catch (e) {
  console.log("inc:", e.name);
}
try {
  a += 1;
} catch (e) {
  console.log("compound:", e.name);
}
for (const k in { p: 1, q: 2 }) console.log(k);
for (const v of [7, 8]) console.log(v);
function f() {
  const local = "fresh";
  return local;
}
console.log(f(), f());
