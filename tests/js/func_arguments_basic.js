// The arguments object: length and indexed access
function count() { return arguments.length; }
console.log(count(), count(1), count(1, 2, 3), count(undefined));
function first() { return arguments[0]; }
console.log(first("a", "b"), first());
function sumAll() {
  var t = 0;
  for (var i = 0; i < arguments.length; i++) t += arguments[i];
  return t;
}
console.log(sumAll(1, 2, 3, 4), sumAll());
function declaredVsPassed(a, b, c) { return declaredVsPassed.length + "/" + arguments.length; }
console.log(declaredVsPassed(1), declaredVsPassed(1, 2, 3, 4, 5));
function typeOfArgs() { return typeof arguments; }
console.log(typeOfArgs());
function outer() {
  var arrow = () => arguments[0];
  return arrow("ignored");
}
console.log(outer("outer arg"));
function last() { return arguments[arguments.length - 1]; }
console.log(last(1, 2, 3));
