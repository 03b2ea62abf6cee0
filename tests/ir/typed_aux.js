// RUN: reef --verify-each --print-graph --print-after=build --graph-filter=first %s | FileCheck-19 %s
// A node's type depends on its aux data (elements kind, shape set): the
// builder sets the aux before typing, so a load from an array of strings is
// not typed as a small integer, and a shape check of a prototype is both the
// constant and its shape (within the check's bound, so the graph verifies).
class P { m() { return 1; } }
function first(a, p) { return a[0] + p.m(); }
const p = new P();
for (let i = 0; i < 1100; i++) first(["x", "y"], p);
// CHECK-LABEL: --- graph first after build
// CHECK: LoadElement[PACKED]({{.*}} : any
// CHECK: CheckShape[{constructor,m}]({{n[0-9]+}}) {{.*}}: object=<object>{constructor,m}
