// Uncaught custom Error subclass with its own name
class DatabaseError extends Error {
  constructor(msg) {
    super(msg);
    this.name = "DatabaseError";
  }
}
function connect() {
  throw new DatabaseError("connection refused");
}
console.log("connecting");
connect();
console.log("connected");
