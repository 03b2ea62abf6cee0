// deopt_resume_list.js — a recursive walk whose helper meets a new shape deep
// down: every activation around it resumes after its call (the walk is
// compiled again meanwhile) and nothing before that call runs twice.
var seen = 0, order = [];
function val(o, k) { seen++; return o.v * 2 + k; }
function sum(list, k) {
    if (list === null) return 0;
    const here = val(list, k);
    order.push(here);
    const rest = sum(list.next, k + 1);
    seen++;
    return here + rest;
}
function mk(n, odd) {
    var l = null;
    for (var i = n; i > 0; i--) l = i === odd ? { x: 0, v: i, next: l } : { v: i, next: l };
    return l;
}
var s = 0, plain = mk(40, -1);
for (var r = 0; r < 80; r++) s += sum(plain, r);
s += sum(mk(40, 25), 1);
s += sum(mk(40, 3), 2);
for (var r = 0; r < 40; r++) s += sum(plain, r);
console.log(s, seen, order.length, order.slice(-3).join(","));
