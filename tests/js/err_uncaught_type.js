// Uncaught TypeError from reading a property of null terminates the program
console.log("before");
var data = { obj: { x: 1 }, empty: null };
console.log(data.obj.x);
console.log(data.empty);
function read(o) {
  return o.x;
}
console.log(read(data.obj));
console.log(read(data.empty));
console.log("never reached");
