// RUN: reef --print-graph --graph-filter=dist %s | FileCheck-19 %s
// Math.sqrt of a number is one float64 node: no call is left, the argument
// is checked to be a number and the result boxed once.
function dist(x, y) { return Math.sqrt(x * x + y * y); }
let s = 0;
for (let i = 0; i < 2000; i++) s += dist(i + 0.5, 2);
// CHECK-LABEL: --- graph dist
// CHECK-NOT: CallKnown
// CHECK: CheckIf[WrongValue]
// CHECK: Float64Sqrt
// CHECK: ChangeFloat64ToTagged
