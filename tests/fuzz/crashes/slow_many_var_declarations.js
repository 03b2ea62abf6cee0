// hang: frontend/fe_scope.c:33 fe_scope_find is a linear scan per declaration (declare, fe_scope.c:53): 300k vars take > 60 s
var names = [];
for (var i = 0; i < 300000; i++) names.push("v" + i);
new Function("var " + names.join(",") + ";");
console.log("done");
