// Returning and breaking from nested loops and switches
function findPair(arr, target) {
  for (var i = 0; i < arr.length; i++) {
    for (var j = i + 1; j < arr.length; j++) {
      if (arr[i] + arr[j] === target) return [i, j];
    }
  }
  return null;
}
console.log(findPair([1, 4, 6, 9], 10), findPair([1, 2], 10));
function firstNegative(rows) {
  for (var r of rows) {
    for (var v of r) {
      switch (true) {
        case v < 0:
          return v;
        case v === 0:
          break;
        default:
          continue;
      }
      return "zero found first";
    }
  }
  return "none";
}
console.log(firstNegative([[1, 2], [3, -4]]), firstNegative([[1, 0, -1]]), firstNegative([[5]]));
var out = [];
for (var i = 0; i < 5; i++) {
  switch (i) {
    case 1:
      continue;
    case 3:
      break;
    default:
      out.push(i);
  }
  out.push("end" + i);
}
console.log(out.join(" "));
function loopInTry() {
  for (var k = 0; k < 10; k++) {
    try {
      if (k === 2) return "returned at " + k;
    } finally {
      out.length = 0;
    }
  }
}
console.log(loopInTry(), out.length);
