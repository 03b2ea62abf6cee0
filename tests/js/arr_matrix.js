// Two-dimensional arrays: construction, multiplication, printing rows
function make(r, c, f) {
  var m = [];
  for (var i = 0; i < r; i++) {
    var row = [];
    for (var j = 0; j < c; j++) row.push(f(i, j));
    m.push(row);
  }
  return m;
}
function mul(a, b) {
  return make(a.length, b[0].length, function (i, j) {
    var s = 0;
    for (var k = 0; k < b.length; k++) s += a[i][k] * b[k][j];
    return s;
  });
}
var a = make(2, 3, function (i, j) { return i + j; });
var b = make(3, 2, function (i, j) { return i * 2 + j; });
console.log(a);
console.log(b);
console.log(mul(a, b));
var id = make(3, 3, function (i, j) { return i === j ? 1 : 0; });
console.log(id.map(function (r) { return r.join(" "); }).join("\n"));
var grid = make(3, 4, function () { return "."; });
grid[1][2] = "#";
console.log(grid.map(function (r) { return r.join(""); }));
