// RUN: reef --print-graph --print-after=loadelim --graph-filter=sum2 %s | FileCheck-19 %s
// Two loads of o.x become one; the second shape check stays for checkelim.
// A store to o.y between them does not touch o.x (different fields never alias).
function sum2(o) { var a = o.x; o.y = a; return a + o.x; }
for (let i = 0; i < 1100; i++) sum2({x: i, y: 1});
// CHECK-LABEL: --- graph sum2 after loadelim
// CHECK: [[L:n[0-9]+]]: LoadField[in-object 0]
// CHECK-NOT: LoadField[in-object 0]
// CHECK: StoreField[in-object 1]
// CHECK-NOT: LoadField
// CHECK: CheckInt32([[L]])
