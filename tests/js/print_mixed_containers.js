// console.log of mixed nested containers with different value kinds
console.log({ n: null, u: undefined, b: true, s: "s", num: 1.5, arr: [1], obj: {} });
console.log([{ a: null }, [undefined], "x"]);
console.log({ fn: function f() {}, cls: class K {}, arrow: () => {} });
var o = { list: [1, 2, 3], map: { one: 1 } };
console.log("label:", o);
console.log([o, o]);
console.log({ a: [[1, 2], [3, 4]] });
console.log(["x", ["y", ["z", ["deep"]]]]);
console.log([1, "1", [1], { 1: 1 }]);
