// Moderately deep recursion that must not overflow
function sumTo(n) { return n === 0 ? 0 : n + sumTo(n - 1); }
console.log(sumTo(5000));
function countDown(n, acc) { if (n === 0) return acc; return countDown(n - 1, acc + 1); }
console.log(countDown(5000, 0));
function buildList(n) { return n === 0 ? null : { v: n, next: buildList(n - 1) }; }
function listLen(l) { return l === null ? 0 : 1 + listLen(l.next); }
console.log(listLen(buildList(3000)));
function nest(n) { return n === 0 ? [] : [nest(n - 1)]; }
function depthOf(a) { return a.length === 0 ? 0 : 1 + depthOf(a[0]); }
console.log(depthOf(nest(2000)));
function collatz(n) { return n === 1 ? 0 : 1 + collatz(n % 2 ? 3 * n + 1 : n / 2); }
console.log(collatz(837799));
