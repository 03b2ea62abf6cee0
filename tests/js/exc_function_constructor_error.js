// Custom errors built from constructor functions and prototypes
function AppError(message, code) {
  this.message = message;
  this.code = code;
}
AppError.prototype = Object.create(Error.prototype);
AppError.prototype.constructor = AppError;
AppError.prototype.name = "AppError";
try {
  throw new AppError("disk full", 28);
} catch (e) {
  console.log(e instanceof AppError, e instanceof Error);
  console.log(e.name, e.message, e.code);
  console.log(String(e));
}
function risky(n) {
  if (n > 2) throw new AppError("too big: " + n, n);
  return n;
}
var results = [];
for (var i = 0; i < 5; i++) {
  try {
    results.push(risky(i));
  } catch (e) {
    results.push(e.code * 100);
  }
}
console.log(results);
