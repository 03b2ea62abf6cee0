// hang: frontend/fe_emit.c:140 fe_const dedupes the constant pool linearly (from fe_gen_object, fe_codegen_class.c:113): 300k keys take > 60 s
var parts = [];
for (var i = 0; i < 300000; i++) parts.push("a" + i + ":" + i);
var o = new Function("return {" + parts.join(",") + "};")();
console.log(Object.keys(o).length);
