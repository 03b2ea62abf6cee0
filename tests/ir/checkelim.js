// RUN: reef --print-graph --print-after=checkelim --graph-filter=pick %s | FileCheck-19 %s
// The shape check of o before the branch covers the one after the merge
// (the walk goes through the EffectPhi): one CheckShape is left.
function pick(o, c) {
  var s = o.x;
  if (c) s = s + 1; else s = s - 1;
  return s + o.y;
}
for (let i = 0; i < 1100; i++) pick({x: i, y: 1}, i & 1);
// CHECK-LABEL: --- graph pick after checkelim
// CHECK: [[C:n[0-9]+]]: CheckShape[{x,y}]
// CHECK-NOT: CheckShape
// CHECK: EffectPhi
// CHECK: LoadField[in-object 1]([[C]])
