// Closures as private state: bank account and stack abstractions
function makeAccount(initial) {
  var balance = initial;
  var history = [];
  function record(kind, amt) { history.push(kind + ":" + amt); }
  return {
    deposit: function (amt) { balance += amt; record("d", amt); return balance; },
    withdraw: function (amt) {
      if (amt > balance) throw new RangeError("insufficient funds");
      balance -= amt;
      record("w", amt);
      return balance;
    },
    balance: function () { return balance; },
    history: function () { return history.slice(); },
  };
}
var acct = makeAccount(100);
acct.deposit(50);
acct.withdraw(30);
try { acct.withdraw(1000); } catch (e) { console.log(e.name, e.message); }
console.log(acct.balance(), acct.history());
acct.history().push("tamper");
console.log(acct.history().length, acct.balance);
function makeStack() {
  var items = [];
  return {
    push: (x) => items.push(x),
    pop: () => items.pop(),
    peek: () => items[items.length - 1],
    size: () => items.length,
  };
}
var s = makeStack();
s.push(1); s.push(2); s.push(3);
console.log(s.pop(), s.peek(), s.size());
console.log(typeof items);
