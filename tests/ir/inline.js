// RUN: reef --passes=inline,fold,loadelim,fold,checkelim,fold,dce --print-graph --print-after=dce --graph-filter=f %s | FileCheck-19 %s
// Two calls of getx are inlined: no call is left, their loads of p.x and
// the caller's become one, and the inlined FrameStates name the call's
// FrameState as their outer frame ([fs nK] on a FrameState).
function getx(p) { return p.x; }
function f(p) { return getx(p) + getx(p) + p.x; }
for (let i = 0; i < 1100; i++) f({x: i, y: 1});
// CHECK-LABEL: --- graph f after dce
// CHECK-NOT: CallKnown
// CHECK: CheckIf[WrongValue]
// CHECK: CheckShape[{x,y}]
// CHECK: LoadField[in-object 0]
// CHECK-NOT: LoadField
// CHECK-NOT: CallKnown
// CHECK: FrameState[@0]({{.*}}) [fs n{{[0-9]+}}]
