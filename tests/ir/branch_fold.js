// RUN: reef --print-graph --print-after=fold --graph-filter=f %s | FileCheck-19 %s
// if (1 < 2) leaves one branch: no If, no Region, one Return.
function f(a) { if (1 < 2) { return a + 1; } else { return a - 1; } }
for (let i = 0; i < 1100; i++) f(i);
// CHECK-LABEL: --- graph f after fold
// CHECK-NOT: : If(
// CHECK-NOT: Region
// CHECK-NOT: Int32SubOverflow
// CHECK: Int32AddOverflow(
// CHECK: Return(
// CHECK-NOT: Return(
// CHECK: End [ctl n{{[0-9]+}}]
