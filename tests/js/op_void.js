// The void operator always yields undefined but evaluates its operand
console.log(void 0);
console.log(void "x");
console.log(void (1 + 2));
var n = 0;
var r = void n++;
console.log(r, n);
console.log(typeof void 0);
function f() { return void console.log("inside"); }
console.log(f());
console.log(void 0 === undefined, void null == null);
var arrow = () => void 42;
console.log(arrow());
