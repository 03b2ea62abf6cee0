// switch with default in the middle, falling through to later cases
function f(x) {
  var r = [];
  switch (x) {
    case "a":
      r.push("a");
      break;
    default:
      r.push("default");
    case "b":
      r.push("b");
      break;
    case "c":
      r.push("c");
  }
  return r;
}
console.log(f("a"), f("b"), f("c"), f("z"));
function g(x) {
  switch (x) {
    default:
      return "d";
    case 1:
      return "one";
  }
}
console.log(g(1), g(2));
var order = [];
function tag(v) { order.push(v); return v; }
switch (tag(3)) {
  case tag(1): break;
  case tag(2): break;
  case tag(3): order.push("hit"); break;
  case tag(4): break;
}
console.log(order);
