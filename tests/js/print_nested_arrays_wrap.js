// Arrays of arrays and objects that exceed the line width break across lines
console.log([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
console.log([["alpha", "beta"], ["gamma", "delta"], ["epsilon", "zeta"], ["eta", "theta"]]);
console.log({ matrix: [[1, 0], [0, 1]], label: "identity matrix of size two", ok: true });
console.log([{ a: 1 }, { b: 2 }, { c: 3 }]);
console.log([[], [[]], [[], []]]);
console.log([[1, [2, [3, [4]]]], "tail"]);
console.log({ list: ["one", "two", "three", "four", "five", "six", "seven"] });
console.log([[1, 2], [3, 4], [5, 6], [7, 8], [9, 10], [11, 12], [13, 14]]);
console.log({ rows: [[1, 2, 3], [4, 5, 6]], cols: 3 });
