// console.log of arrays: strings quoted, null/undefined/NaN/-0 elements, empty arrays
console.log([]);
console.log([1, 2, 3]);
console.log(["a", "b"]);
console.log(["it's", 'say "hi"', "both ' and \""]);
console.log([null, undefined, NaN, -0, 0, Infinity]);
console.log([true, false]);
console.log([1.5, -2.25, 1e21, 1e-7]);
console.log(["with\nnewline", "tab\there", "back\\slash"]);
console.log([""]);
console.log([[], [[]], {}]);
console.log(["a", 1, null, [2, "b"], { c: "d" }]);
