// for-of over arrays in optimized code: the inline step of the array
// iterator and the runtime's for holes, growth, shrinking, strings.
function sum(a) { let s = 0; for (const x of a) s += x; return s; }
function cnt(a) { let n = 0; for (const x of a) n += (x === undefined ? 1 : 0); return n; }
const arr = []; for (let i = 0; i < 1000; i++) arr.push(i);
let t = 0; for (let k = 0; k < 2000; k++) t += sum(arr);
console.log(t);
const h = [1, , 3, , 5];
let u = 0; for (let k = 0; k < 5000; k++) u += cnt(h);
console.log(u, sum('12345'.split('').map(Number)), sum([1, 2, 3]));
const grow = [1, 2, 3];
let g = 0; for (const x of grow) { g += x; if (grow.length < 10) grow.push(x * 10); }
console.log(g, grow.length);
const shrink = [1, 2, 3, 4, 5, 6];
let s2 = 0; for (const x of shrink) { s2 += x; shrink.length = 3; }
console.log(s2);
console.log(sum([1.5, 2.5]), sum(['a', 'b']));
function strs(s) { let o = ''; for (const ch of s) o += ch + '.'; return o; }
for (let k = 0; k < 3000; k++) strs('abc');
console.log(strs('héllo'));
