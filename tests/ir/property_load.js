// RUN: reef --print-graph --print-after=fold --graph-filter=px %s | FileCheck-19 %s
// Monomorphic property feedback: a shape check and an in-object field load.
function px(o) { return o.x; }
for (let i = 0; i < 1100; i++) px({x: i, y: 1});
// CHECK-LABEL: --- graph px after fold
// CHECK: [[C:n[0-9]+]]: CheckShape[{x,y}]([[O:n[0-9]+]]) {{.*}}[fs
// CHECK: [[L:n[0-9]+]]: LoadField[in-object 0]([[C]])
// CHECK: Return([[L]])
