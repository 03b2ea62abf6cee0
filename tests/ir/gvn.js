// RUN: reef --print-graph --print-after=fold --graph-filter=f %s | FileCheck-19 %s
// Two identical a*b on doubles become one Float64Mul (value numbering).
function f(a, b) { return a * b + a * b; }
for (let i = 0; i < 1100; i++) f(i + 0.5, 2.25);
// CHECK-LABEL: --- graph f after fold
// CHECK: [[M:n[0-9]+]]: Float64Mul(
// CHECK-NOT: Float64Mul
// CHECK: Float64Add([[M]], [[M]])
