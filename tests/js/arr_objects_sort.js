// Arrays of objects: manual sorting, searching and projection
var items = [
  { name: "pear", price: 3, qty: 10 },
  { name: "apple", price: 1, qty: 50 },
  { name: "fig", price: 5, qty: 3 },
  { name: "kiwi", price: 2, qty: 0 },
];
function sortBy(arr, key) {
  var out = arr.slice();
  for (var i = 1; i < out.length; i++) {
    var cur = out[i], j = i - 1;
    while (j >= 0 && out[j][key] > cur[key]) { out[j + 1] = out[j]; j--; }
    out[j + 1] = cur;
  }
  return out;
}
console.log(sortBy(items, "price").map(function (x) { return x.name; }));
console.log(sortBy(items, "name").map(function (x) { return x.name; }));
var inStock = items.filter(function (x) { return x.qty > 0; });
console.log(inStock.length, inStock[inStock.length - 1].name);
var total = 0;
items.forEach(function (x) { total += x.price * x.qty; });
console.log(total);
function findBy(arr, key, val) {
  for (var i = 0; i < arr.length; i++) if (arr[i][key] === val) return arr[i];
  return undefined;
}
console.log(findBy(items, "name", "fig"), findBy(items, "name", "plum"));
console.log(items.map(function (x) { return x.name + "=" + x.price; }).join("&"));
console.log(items[0] === sortBy(items, "price")[2]);
