// Labelled break and continue across nested loops and blocks
var pairs = [];
outer: for (var i = 0; i < 4; i++) {
  for (var j = 0; j < 4; j++) {
    if (j === 2) continue outer;
    if (i === 3) break outer;
    pairs.push("" + i + j);
  }
}
console.log(pairs.join(" "));
var found = null;
search: for (var a = 1; a < 10; a++) {
  for (var b = 1; b < 10; b++) {
    if (a * b === 42) { found = [a, b]; break search; }
  }
}
console.log(found);
block: {
  console.log("in block");
  if (true) break block;
  console.log("never printed");
}
console.log("after block");
var n = 0;
loop1: while (true) {
  loop2: do {
    n++;
    if (n > 5) break loop1;
    if (n % 2) continue loop2;
    console.log("even", n);
  } while (n < 100);
}
console.log("n", n);
var count = 0;
rows: for (let r of [1, 2, 3]) {
  cols: for (let c of [1, 2, 3]) {
    if (c > r) continue rows;
    count++;
  }
}
console.log(count);
