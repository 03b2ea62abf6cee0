// A syntax error anywhere in the file prevents any code from running
console.log("this must not print");
function valid(a, b) {
  return a + b;
}
console.log(valid(1, 2));
var list = [1, 2, 3];
for (var i = 0; i < list.length; i++) console.log(list[i]);
var x = (1 + ;
console.log("nor this");
