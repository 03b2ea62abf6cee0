// RUN: reef --passes=inline,fold,dce --print-graph --print-after=dce --graph-filter=fib %s | FileCheck-19 %s
// A recursive call is inlined once: fib's body appears again inside fib,
// and the calls it makes stay calls (half as many as before).
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
for (let i = 0; i < 200; i++) fib(12);
// CHECK-LABEL: --- graph fib after dce
// CHECK-COUNT-4: {{^}}n{{[0-9]+}}: CallKnown[<function fib>]
// CHECK-NOT: {{^}}n{{[0-9]+}}: CallKnown
