// Output printed before an uncaught error is fully flushed
for (var i = 0; i < 5; i++) console.log("line", i);
console.log({ partial: [1, 2, 3] });
var big = [];
for (var j = 0; j < 200; j++) big.push("row " + j);
console.log(big.join("\n"));
function fail(stage) {
  throw new Error("after output");
}
console.log("last line before failure");
fail(1);
