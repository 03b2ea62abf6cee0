// JSON.stringify of nested literals, with unusual values
var data = { name: "x", list: [1, "two", null, true], nested: { a: { b: [] } } };
console.log(JSON.stringify(data));
console.log(JSON.stringify([undefined, function () {}, NaN, Infinity, -0]));
console.log(JSON.stringify({ u: undefined, f: function () {}, n: null }));
console.log(JSON.stringify("quote\" backslash\\ newline\n tab\t"));
console.log(JSON.stringify({ 2: "b", 1: "a", z: "z" }));
console.log(JSON.stringify([[], {}, [{}]]));
console.log(JSON.stringify(1e21), JSON.stringify(0.1 + 0.2));
console.log(JSON.stringify(null), JSON.stringify(undefined));
console.log(JSON.stringify({ a: [1, { b: 2 }] }, null, 2));
