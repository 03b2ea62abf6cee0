// switch on strings and on expressions, with scoped case blocks
function color(c) {
  switch (c.toLowerCase()) {
    case "red": return "#f00";
    case "green": return "#0f0";
    case "blue": return "#00f";
    default: return "unknown";
  }
}
console.log(color("Red"), color("GREEN"), color("blue"), color("pink"));
function kind(v) {
  switch (typeof v) {
    case "number":
    case "bigint":
      return "numeric";
    case "string":
      return "text";
    case "object":
      return v === null ? "null" : "object";
    default:
      return typeof v;
  }
}
console.log(kind(1), kind("s"), kind(null), kind({}), kind(undefined), kind(kind));
function range(n) {
  switch (true) {
    case n < 0: return "negative";
    case n < 10: return "digit";
    default: return "large";
  }
}
console.log(range(-3), range(4), range(42));
var nan = NaN;
switch (nan) {
  case NaN: console.log("NaN matched"); break;
  default: console.log("NaN never matches");
}
