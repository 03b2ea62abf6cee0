// RUN: reef --print-graph --print-after=fold --graph-filter=add %s | FileCheck-19 %s
// Small-integer feedback: checks, an int32 add that deoptimizes on overflow,
// and FrameStates that resume the interpreter at the Add.
function add(a, b) { return a + b; }
for (let i = 0; i < 1100; i++) add(i, 7);
// CHECK-LABEL: --- graph add after fold
// CHECK: [[A:n[0-9]+]]: Parameter[0]
// CHECK: [[B:n[0-9]+]]: Parameter[1]
// CHECK: [[CA:n[0-9]+]]: CheckInt32([[A]]) [ctl n1] [eff n1] [fs [[FS:n[0-9]+]]] : int32
// CHECK: [[CB:n[0-9]+]]: CheckInt32([[B]]) [ctl n1] [eff [[CA]]] [fs [[FS]]] : int32
// CHECK: [[S:n[0-9]+]]: Int32AddOverflow([[CA]], [[CB]]) [ctl n1] [eff [[CB]]] [fs [[FS]]] : int32
// CHECK: Return([[T:n[0-9]+]]) [ctl n1] [eff [[S]]]
// CHECK: [[FS]]: FrameState[@{{[0-9]+}}]
// CHECK: [[T]]: ChangeInt32ToTagged([[S]])
