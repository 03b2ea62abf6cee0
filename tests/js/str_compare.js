// String comparison is by UTF-16 code units
console.log("a" < "b");
console.log("abc" < "abd");
console.log("abc" < "ab");
console.log("" < "a");
console.log("Z" < "a");
console.log("10" < "9");
console.log("10" < 9);
console.log("apple" === "apple");
console.log("apple" == "Apple");
console.log("b" > "a", "b" >= "b", "a" <= "a");
console.log("é" > "z");
console.log("\uffff" > "😀");
var words = ["pear", "Apple", "banana", "apple"];
var sorted = words.slice();
for (var i = 0; i < sorted.length; i++)
  for (var j = i + 1; j < sorted.length; j++)
    if (sorted[j] < sorted[i]) { var t = sorted[i]; sorted[i] = sorted[j]; sorted[j] = t; }
console.log(sorted);
