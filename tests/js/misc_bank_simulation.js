// Class-based simulation combining inheritance, errors and formatting
class Account {
  constructor(owner, balance) {
    this.owner = owner;
    this.balance = balance;
  }
  deposit(n) {
    if (n <= 0) throw new RangeError("deposit must be positive");
    this.balance += n;
    return this;
  }
  withdraw(n) {
    if (n > this.balance) throw new Error(this.owner + " has insufficient funds");
    this.balance -= n;
    return this;
  }
  toString() { return this.owner + ": " + this.balance; }
}
class Savings extends Account {
  constructor(owner, balance, rate) {
    super(owner, balance);
    this.rate = rate;
  }
  addInterest() { return this.deposit(Math.floor(this.balance * this.rate)); }
  withdraw(n) {
    if (n > 500) throw new Error("limit exceeded");
    return super.withdraw(n);
  }
}
var accts = [new Account("ann", 100), new Savings("bob", 1000, 0.05)];
var ops = [[0, "deposit", 50], [1, "addInterest"], [0, "withdraw", 500], [1, "withdraw", 600], [1, "withdraw", 50], [0, "deposit", -5]];
for (var i = 0; i < ops.length; i++) {
  var op = ops[i];
  try {
    accts[op[0]][op[1]](op[2]);
    console.log("ok", op[1], String(accts[op[0]]));
  } catch (e) {
    console.log("fail", op[1], e.name, e.message);
  }
}
console.log(accts);
console.log(accts.map(String).join(" | "));
