// Error objects: name, message, toString and subclass relationships
var kinds = [Error, TypeError, RangeError, ReferenceError, SyntaxError];
for (var i = 0; i < kinds.length; i++) {
  var e = new kinds[i]("m" + i);
  console.log(e.name, e.message, String(e), e instanceof Error);
}
var noNew = Error("called without new");
console.log(noNew instanceof Error, noNew.message);
var custom = new Error("base");
custom.name = "MyName";
console.log(String(custom));
var noMsg = new TypeError();
console.log(String(noMsg), JSON.stringify(noMsg.message));
var emptyName = new Error("only message");
emptyName.name = "";
console.log(String(emptyName));
console.log(Object.keys(new Error("k")));
console.log(Error.prototype.name, TypeError.prototype.name);
console.log(TypeError.prototype instanceof Error, new TypeError("t") instanceof Error);
var withNum = new Error(42);
console.log(withNum.message, typeof withNum.message);
