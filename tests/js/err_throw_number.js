// Throwing a non-Error primitive value uncaught
function compute(code) {
  if (code !== 0) throw code;
  return "fine";
}
console.log(compute(0));
try {
  compute(7);
} catch (v) {
  console.log("caught", v, typeof v);
}
console.log("throwing a number");
throw 42;
