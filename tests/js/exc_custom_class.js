// Custom Error subclasses via class extends Error
class ValidationError extends Error {
  constructor(field, msg) {
    super(msg);
    this.name = "ValidationError";
    this.field = field;
  }
}
class RequiredError extends ValidationError {
  constructor(field) {
    super(field, field + " is required");
    this.name = "RequiredError";
  }
}
function validate(user) {
  if (!user.name) throw new RequiredError("name");
  if (user.age < 0) throw new ValidationError("age", "age must be positive");
  return "ok";
}
var inputs = [{ name: "a", age: 1 }, { age: 3 }, { name: "b", age: -1 }];
for (var i = 0; i < inputs.length; i++) {
  try {
    console.log(validate(inputs[i]));
  } catch (e) {
    console.log(e.name, e.field, e.message);
    console.log(e instanceof RequiredError, e instanceof ValidationError, e instanceof Error);
    console.log(String(e));
  }
}
class Plain extends Error {}
var p = new Plain("plain msg");
console.log(p.name, p.message, p instanceof Plain);
console.log(p.constructor === Plain, p instanceof Error);
