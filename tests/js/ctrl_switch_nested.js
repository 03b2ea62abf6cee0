// Nested switch statements and switches inside loops with labels
function classify(a, b) {
  switch (a) {
    case "x":
      switch (b) {
        case 1: return "x1";
        case 2: return "x2";
        default: return "x?";
      }
    case "y":
      switch (b) {
        case 1:
          break;
        default:
          return "y?";
      }
      return "y1 after inner break";
    default:
      return "unknown";
  }
}
console.log(classify("x", 1), classify("x", 9), classify("y", 1), classify("y", 2), classify("z", 0));
var log = [];
outer: for (var i = 0; i < 4; i++) {
  switch (i) {
    case 0:
      log.push("zero");
      break;
    case 2:
      log.push("two, leaving loop");
      break outer;
    default:
      log.push("other " + i);
      continue outer;
  }
  log.push("after switch " + i);
}
console.log(log);
function tokenType(c) {
  switch (c) {
    case "+": case "-": case "*": case "/": return "op";
    case "(": case ")": return "paren";
    case " ": return "space";
  }
  return c >= "0" && c <= "9" ? "digit" : "other";
}
var types = [];
for (var ch of "(1 + 2)*x") types.push(tokenType(ch));
console.log(types.join(","));
