// Uncaught TypeError from reading a property of null terminates the program
console.log("before");
var obj = null;
console.log(obj.x);
console.log("never reached");
