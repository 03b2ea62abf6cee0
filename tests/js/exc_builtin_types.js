// Built-in operations throw the right error types (names only)
function check(label, f) {
  try {
    f();
    console.log(label, "no error");
  } catch (e) {
    console.log(label, e.name, e instanceof Error);
  }
}
check("null member", function () { return null.x; });
check("undefined member", function () { var u; return u.x; });
check("call non-function", function () { var o = {}; o.nope(); });
check("call number", function () { (5)(); });
check("undeclared", function () { return notDefinedAnywhere; });
check("new non-constructor", function () { new (() => {})(); });
check("set on null", function () { null.x = 1; });
check("in on primitive", function () { return "a" in 5; });
check("class call", function () { class K {} K(); });
check("array length", function () { var a = []; a.length = -1; });
check("new on method", function () { var o = { m() {} }; new o.m(); });
check("undefined call result", function () { var f; f(); });
check("ok", function () { return 1; });
