// Objects whose single-line form exceeds 72 characters are broken across lines
console.log({ alpha: "aaaaaaaaaa", beta: "bbbbbbbbbb", gamma: "cccccccccc", delta: "dd" });
console.log({ alpha: "aaaaaaaaaa", beta: "bbbbbbbbbb", gamma: "cccccccccc", delta: "ddddddddddd" });
console.log({ short: 1 });
console.log({ name: "a fairly long string value here", other: "another long string value", n: 12345 });
console.log({ outer: { inner1: "xxxxxxxxxxxxxxxx", inner2: "yyyyyyyyyyyyyyyy", inner3: "zzzzzzzzzzzzzz" } });
console.log([{ id: 1, label: "first item label" }, { id: 2, label: "second item label" }]);
console.log(["a long string element number one", "a long string element number two", "three"]);
console.log({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10, k: 11, l: 12 });
console.log({ key1: "value one", key2: "value two", key3: "value three", k4: "v4" });
