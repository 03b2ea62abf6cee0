// Uncaught TypeError constructed without a message
var e = new TypeError();
console.log(e.name, JSON.stringify(e.message));
console.log(String(e));
try {
  throw e;
} catch (caught) {
  console.log("caught once", caught === e);
}
console.log("empty message next");
throw new TypeError();
