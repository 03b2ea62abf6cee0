// Throwing a non-Error primitive value uncaught
console.log("throwing a number");
throw 42;
