// Small array algorithms: reverse, bubble sort, dedupe, sum of matrix
function reverse(a) {
  var out = [];
  for (var i = a.length - 1; i >= 0; i--) out.push(a[i]);
  return out;
}
console.log(reverse([1, 2, 3, 4]));
function bubble(a) {
  a = a.slice();
  for (var i = 0; i < a.length; i++)
    for (var j = 0; j < a.length - 1 - i; j++)
      if (a[j] > a[j + 1]) { var t = a[j]; a[j] = a[j + 1]; a[j + 1] = t; }
  return a;
}
console.log(bubble([5, 2, 9, 1, 5, 6]).join(" "));
function dedupe(a) {
  return a.filter(function (v, i) { return a.indexOf(v) === i; });
}
console.log(dedupe([1, 2, 1, 3, 2, 4]));
var matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
var sum = 0;
for (var r = 0; r < matrix.length; r++) for (var c = 0; c < matrix[r].length; c++) sum += matrix[r][c];
console.log(sum);
var transposed = matrix[0].map(function (_, c) { return matrix.map(function (row) { return row[c]; }); });
console.log(transposed);
var words = "the cat sat on the mat".split(" ");
var counts = {};
words.forEach(function (w) { counts[w] = (counts[w] || 0) + 1; });
console.log(counts);
