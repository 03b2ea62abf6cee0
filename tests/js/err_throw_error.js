// Uncaught Error with a message
console.log("about to throw");
throw new Error("boom");
