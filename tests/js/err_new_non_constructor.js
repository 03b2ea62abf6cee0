// Using new on an arrow function is an uncaught TypeError
var make = () => ({ made: true });
function Real() { this.made = "real"; }
console.log(make().made);
console.log(new Real().made);
var ctors = [Real, make];
for (var i = 0; i < ctors.length; i++) {
  console.log("constructing", i);
  var obj = new ctors[i]();
  console.log(obj.made);
}
console.log("unreachable");
