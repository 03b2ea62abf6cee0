// RUN: reef --print-graph --print-after=dce --graph-filter=sumx %s | FileCheck-19 %s
// Peeling one iteration puts the shape check, the load of o.x and the
// int32 checks of o.x and n before the loop; checkelim and loadelim then
// find them covering the body, which keeps only its two additions.
function sumx(o, n) {
  var s = 0;
  for (var i = 0; i < n; i++) s = s + o.x;
  return s;
}
for (let i = 0; i < 1100; i++) sumx({x: i, y: 1}, 10);
// CHECK-LABEL: --- graph sumx after dce
// CHECK: CheckShape[{x,y}]
// CHECK: [[L:n[0-9]+]]: LoadField[in-object 0]
// CHECK: Loop
// CHECK-NOT: CheckShape
// CHECK-NOT: LoadField
// CHECK-NOT: CheckInt32
// CHECK: Int32AddOverflow
// CHECK: Int32AddOverflow
// CHECK: Region
// CHECK: Return
