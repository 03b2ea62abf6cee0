// deopt_resume_tree.js — a tree walk where an inner activation meets a new shape: outer activations
// resume after their call, with locals computed before it.
var visits = 0;
function node(v, l, r) { return { v: v, l: l, r: r }; }
function build(d, k) { return d === 0 ? null : node(k, build(d - 1, 2 * k), build(d - 1, 2 * k + 1)); }
function walk(t, depth) {
    if (t === null) return 0;
    const before = t.v * 3 + depth;
    visits++;
    const a = walk(t.l, depth + 1);
    visits++;
    const b = walk(t.r, depth + 1);
    return before + a + b;
}
var t = build(7, 1);
var s = 0;
for (var i = 0; i < 30; i++) s += walk(t, 0);
var odd = t; while (odd.l) odd = odd.l; odd.l = { x: 1, v: 2.5, l: null, r: null };
s += walk(t, 0);
var t2 = build(5, 1); t2.r.r.l = { v: "s", l: null, r: null };
var r2 = walk(t2, 0);
console.log(s, r2, visits);
