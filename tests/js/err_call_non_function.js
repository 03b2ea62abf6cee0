// Calling a non-callable value throws an uncaught TypeError
var config = { retries: 3 };
console.log("retries", config.retries);
config.retries();
