// deopt_recursive_lazy.js — a recursive function whose code is replaced while it is on the stack must not run a call twice.
var n = 0;
function top(f, t) { n += 1; }
function md(disks, fromPile, toPile) {
    if (disks === 1) { top(fromPile, toPile); }
    else { const o = (3 - fromPile) - toPile; md(disks - 1, fromPile, o); top(fromPile, toPile); md(disks - 1, o, toPile); }
}
md(5, 0, 1); console.log(n);
