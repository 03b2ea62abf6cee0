// Reading a let binding before its declaration throws an uncaught ReferenceError
console.log("tdz next");
console.log(value);
let value = 1;
