// console.log of accessor properties shows [Getter], [Setter] and [Getter/Setter]
var o = {
  get g() { return 1; },
  set s(v) {},
  get gs() { return 2; },
  set gs(v) {},
  plain: 3,
};
console.log(o);
console.log({ get only() { return "x"; } });
console.log([{ set w(v) {} }]);
var nested = { inner: { get val() { return 0; } } };
console.log(nested);
