// deopt_resume_callback.js — mutual recursion through optimized-to-optimized
// calls: a deoptimized activation resumed in the interpreter after its call
// must not run the function's new optimized code from its start.
var calls = 0, log = [];
function inner(o, n) {
    calls++;
    const y = n > 0 ? outer(o, n - 1) : 0;
    log.push(n);
    return y + o.v;
}
function outer(o, n) {
    const a = inner(o, n);
    calls++;
    return a + 1;
}
var s = 0;
for (var i = 0; i < 1500; i++) s += outer({ v: i }, i % 5);
s += outer({ v: 1.5 }, 4);
s += outer({ w: 1, v: 2 }, 4);
s += outer({ v: "s" }, 3).length;
for (var i = 0; i < 500; i++) s += outer({ v: i }, i % 5);
console.log(s, calls, log.length, log.slice(-7).join(","));
