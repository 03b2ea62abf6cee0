// RUN: reef --print-graph --print-after=fold --graph-filter=f %s | FileCheck-19 %s
// x*2+3*4 with small-int feedback: 3*4 folds to 12, one multiply stays.
function f(x) { return x * 2 + 3 * 4; }
for (let i = 0; i < 1100; i++) f(i);
// CHECK-LABEL: --- graph f after fold
// CHECK: [[X:n[0-9]+]]: CheckInt32(
// CHECK: [[M:n[0-9]+]]: Int32MulOverflow([[X]], [[TWO:n[0-9]+]])
// CHECK: Int32AddOverflow([[M]], [[K:n[0-9]+]])
// CHECK-NOT: Int32MulOverflow
// CHECK: [[TWO]]: Int32Constant[2]
// CHECK: [[K]]: Int32Constant[12]
