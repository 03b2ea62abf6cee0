// Catch parameter scoping, var inside catch, and closures over the catch binding
var fns = [];
for (var i = 0; i < 3; i++) {
  try {
    throw i;
  } catch (err) {
    fns.push(function () { return err; });
  }
}
console.log(fns.map(function (f) { return f(); }));
try {
  throw "x";
} catch (e) {
  var declaredInCatch = "visible after";
}
console.log(declaredInCatch);
console.log(typeof e);
var e = "outer";
try {
  throw "inner";
} catch (e) {
  e = "modified inner";
  console.log(e);
}
console.log(e);
function nestedCatch() {
  try {
    throw "a";
  } catch (x) {
    try {
      throw "b";
    } catch (x) {
      return x;
    }
  }
}
console.log(nestedCatch());
try {
  throw { inner: { detail: "deep" } };
} catch (obj) {
  console.log(obj.inner.detail);
}
