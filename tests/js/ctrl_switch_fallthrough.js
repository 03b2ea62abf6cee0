// switch with fall-through, break, and strict equality matching
function describe(n) {
  var out = [];
  switch (n) {
    case 1:
      out.push("one");
    case 2:
      out.push("two");
      break;
    case 3:
      out.push("three");
    case 4:
      out.push("four");
    default:
      out.push("default");
  }
  return out.join(",");
}
for (var i = 0; i <= 5; i++) console.log(i, describe(i));
switch ("1") {
  case 1: console.log("number matched"); break;
  case "1": console.log("string matched"); break;
}
var empty = 0;
switch (empty) {}
console.log("empty switch ok");
switch (3) {
  case 1:
  case 2:
  case 3:
  case 4:
    console.log("grouped cases");
}
