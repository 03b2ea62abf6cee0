// Objects nested deeper than two levels print as [Object] / [Array]
var o = { a: { b: { c: { d: 1 } } } };
console.log(o);
var arr = [1, [2, [3, [4, [5]]]]];
console.log(arr);
console.log({ x: { y: { z: [1, 2] } } });
console.log({ x: { y: { z: {} } } });
console.log({ x: { y: { z: [] } } });
console.log([{ a: [{ b: 1 }] }]);
function Thing() { this.inner = { more: { deeper: true } }; }
console.log({ t: { t2: new Thing() } });
