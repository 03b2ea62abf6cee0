// console.log quotes object keys that are not valid identifiers
console.log({ "a-b": 1 });
console.log({ "with space": 1, normal: 2 });
console.log({ 1: "one", 22: "two", "3x": "three" });
console.log({ $dollar: 1, _under: 2, camelCase: 3 });
console.log({ "": "empty key" });
console.log({ "it's": 1 });
console.log({ "é": 1, "a.b": 2 });
console.log({ "-1": "neg", "1.5": "frac" });
console.log({ class: 1, if: 2 });
