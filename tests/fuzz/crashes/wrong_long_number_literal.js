// wrong error: frontend/fe_lex.c:327 scan_digits returns false when its digit buffer is full, so a valid 5000-digit literal is rejected as "Numeric separators are not allowed here" (fe_lex.c:418); Node prints true
console.log(new Function("return " + "9".repeat(5000) + " > 1")());
