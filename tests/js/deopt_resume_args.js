// deopt_resume_args.js — a recursive function whose deepest activation deoptimizes once per round,
// with the caller's work after the call counted.
var count = 0, trail = "";
function leaf(x) { count += 1; return x; }
function rec(n, a, b, c) {
    const k = a * 2 + b - c;
    if (n === 0) return leaf(k);
    const r1 = rec(n - 1, b, c, a);
    count += 1;
    const r2 = rec(n - 1, c, a, b);
    trail += n;
    return r1 + r2 + k;
}
var total = 0;
for (var round = 0; round < 40; round++) {
    total += rec(4, round, 2, 1);
    if (round === 20) total += rec(4, 0.5, 2, 1);
    if (round === 30) total += rec(3, "x", 2, 1) === "x" ? 0 : 1;
}
console.log(total, count, trail.length);
