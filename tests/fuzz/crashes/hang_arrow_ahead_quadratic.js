// hang: frontend/fe_parse_expr.c:416 arrow_ahead rescans to the matching ')' at every '(' (O(n*depth)); 100k parens take ~28 s before "Too much nesting"
try { new Function("(".repeat(100000)); } catch (e) { console.log(e.name); }
try { new Function("(a,".repeat(100000)); } catch (e) { console.log(e.name); }
