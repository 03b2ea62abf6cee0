// RUN: reef --print-graph --print-after=fold --graph-filter=sum %s | FileCheck-19 %s
// A loop gives a Loop node, Phis for the variables it changes and an
// EffectPhi for the effect chain.
function sum(n) { let s = 0; for (let i = 0; i < n; i++) { s = s + i; } return s; }
for (let i = 0; i < 1100; i++) sum(10);
// CHECK-LABEL: --- graph sum after fold
// CHECK: [[L:n[0-9]+]]: Loop [ctl n1, [[BACK:n[0-9]+]]]
// CHECK-DAG: Phi({{n[0-9]+}}, {{n[0-9]+}}) [ctl [[L]]]
// CHECK-DAG: Phi({{n[0-9]+}}, {{n[0-9]+}}) [ctl [[L]]]
// CHECK-DAG: EffectPhi [ctl [[L]]] [eff n1, {{n[0-9]+}}]
// CHECK: [[IF:n[0-9]+]]: If(
// CHECK: [[BACK]]: IfTrue [ctl [[IF]]]
// CHECK: IfFalse [ctl [[IF]]]
// CHECK: Int32LessThan
