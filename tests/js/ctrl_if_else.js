// if / else if / else chains, truthiness and dangling else
function grade(s) {
  if (s >= 90) return "A";
  else if (s >= 80) return "B";
  else if (s >= 70) return "C";
  else return "F";
}
console.log(grade(95), grade(85), grade(75), grade(10));
var vals = [0, "", "0", [], null, NaN, -1];
for (var i = 0; i < vals.length; i++) {
  if (vals[i]) console.log(i, "truthy");
  else console.log(i, "falsy");
}
var x = 5;
if (x > 1)
  if (x > 10) console.log("big");
  else console.log("dangling else binds inner");
if (x) { } else { console.log("never"); }
if (x === 5) console.log("single statement");
var msg;
if (x < 0) { msg = "neg"; } else if (x === 0) { msg = "zero"; } else { msg = "pos"; }
console.log(msg);
if ((x = 0)) console.log("assignment truthy");
else console.log("assignment falsy", x);
