// typeof on all value kinds and undeclared variables
console.log(typeof 1, typeof 1.5, typeof NaN);
console.log(typeof "s", typeof "");
console.log(typeof true);
console.log(typeof undefined, typeof null);
console.log(typeof {}, typeof []);
console.log(typeof function () {}, typeof class {});
console.log(typeof (() => 1));
console.log(typeof notDeclaredAnywhere);
console.log(typeof notDeclaredAnywhere === "undefined");
console.log(typeof typeof 1);
console.log(typeof Math, typeof Math.max);
console.log(typeof console.log);
var v;
console.log(typeof v);
function f() {}
console.log(typeof f, typeof f());
console.log(typeof new f());
console.log(typeof (1 + "1"));
