// Throwing a plain object with a message property uncaught
console.log("throwing object");
throw { code: 7 };
