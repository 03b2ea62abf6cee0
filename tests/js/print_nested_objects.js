// console.log of nested objects up to the default depth
console.log({ a: 1, b: { c: 2, d: { e: 3 } } });
console.log({ a: { b: { c: { d: { e: 1 } } } } });
console.log({ level1: { level2: { level3: { level4: "hidden" } } } });
console.log([[[[1]]]]);
console.log([[[[[]]]]]);
console.log({ arr: [{ x: 1 }, { y: [2, 3] }] });
console.log({ empty: {}, emptyArr: [], nested: { empty: {} } });
console.log([{}, [], [{}]]);
console.log({ deep: [[[{ a: 1 }]]] });
