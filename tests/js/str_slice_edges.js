// slice/substring/indexOf edge cases with negative, NaN and out-of-range arguments
var s = "abcdef";
console.log(s.slice(), s.slice(2), s.slice(-2), s.slice(-100));
console.log(s.slice(2, 2) === "", s.slice(4, 2) === "");
console.log(s.slice(NaN, 3), s.slice(1, NaN) === "");
console.log(s.substring(4, 1), s.substring(-3, 2), s.substring(3, 100));
console.log(s.substring(NaN), s.substring(2, NaN));
console.log(s.indexOf(""), s.indexOf("", 3), s.indexOf("", 99));
console.log(s.indexOf("c", -5), s.indexOf("cd"), s.indexOf("ce"));
console.log(s.charAt(-1) === "", s.charAt(2.7));
console.log("".split(","), "".split(""));
console.log("a b  c".split(" "));
console.log("abc".split("", 2));
console.log("x".toUpperCase() + "Y".toLowerCase());
console.log(s.slice(0, 1).toUpperCase() + s.slice(1));
