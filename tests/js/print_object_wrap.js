// Objects whose single-line form exceeds 72 characters are broken across lines
console.log({ alpha: "aaaaaaaaaa", beta: "bbbbbbbbbb", gamma: "cccccccccc", delta: "dd" });
console.log({ alpha: "aaaaaaaaaa", beta: "bbbbbbbbbb", gamma: "cccccccccc", delta: "ddddddddddd" });
console.log({ short: 1 });
console.log({ name: "a fairly long string value here", other: "another long string value", n: 12345 });
console.log({ outer: { inner1: "xxxxxxxxxxxxxxxx", inner2: "yyyyyyyyyyyyyyyy", inner3: "zzzzzzzzzzzzzz" } });
console.log([{ id: 1, label: "first item label" }, { id: 2, label: "second item label" }]);
console.log(["a long string element number one", "a long string element number two", "three"]);
