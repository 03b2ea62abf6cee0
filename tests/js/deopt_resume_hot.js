// deopt_resume_hot.js — the default tier: a hot recursive walk deoptimizes in a deep activation and
// becomes hot (and is compiled) again before the activations around it return.
var visits = 0;
function node(v, l, r) { return { v: v, l: l, r: r }; }
function build(d, k) { return d === 0 ? null : node(k & 1023, build(d - 1, 2 * k), build(d - 1, 2 * k + 1)); }
function walk(t, depth) {
    if (t === null) return 0;
    const before = t.v * 3 + depth;
    visits++;
    const a = walk(t.l, depth + 1);
    const b = walk(t.r, depth + 1);
    return before + a + b;
}
var t = build(12, 1);
var s = walk(t, 0) + walk(t, 0);
var odd = t; while (odd.l.l) odd = odd.l; odd.l = { w: 0, v: 7, l: null, r: null };
s += walk(t, 0);
odd = t.r; while (odd.l.l) odd = odd.l; odd.l = { v: 2.5, l: null, r: null };
s += walk(t, 0);
console.log(s, visits);
