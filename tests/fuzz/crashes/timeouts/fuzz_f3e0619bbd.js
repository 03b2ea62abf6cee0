try { [...'x'.repeat(1000000)]; } catch (e) {}
// Computed property keys, shorthand properties and shorthand methods
var x = 1, y = "two";
var short = { x, y };
console.log(short);
var i = 0;
var computed = { ["k" + ++i]: i, ["k" + ++i]: i, [1 + 2]: "three" };
console.log(computed);
var prefix = "get";
var methods = {
  [prefix + "Name"]() { return "computed method"; },
  plain() { return "shorthand method"; },
  arrow: () => "arrow prop",
  "quoted key"() { return "quoted"; },
  42() { return "numeric"; },
};
console.log(methods.getName(), methods.plain(), methods.arrow(), methods["quoted key"](), methods[42]());
console.log(methods.plain.name, methods.getName.name);
var dup = { a: 1, b: 2, a: 3 };
console.log(dup);
var order = [];
var side = {boolean};
console.log(order, side);
