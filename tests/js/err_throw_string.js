// Throwing a string uncaught
function validate(s) {
  if (s.length === 0) throw "plain string failure";
  return s.toUpperCase();
}
console.log(validate("ok"));
try {
  validate("");
} catch (msg) {
  console.log("caught:", msg);
}
console.log("throwing a string");
validate("");
