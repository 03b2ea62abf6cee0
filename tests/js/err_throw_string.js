// Throwing a string uncaught
console.log("throwing a string");
throw "plain string failure";
