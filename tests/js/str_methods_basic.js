// Basic string methods: indexOf, slice, substring, toUpperCase, split
var s = "The quick brown fox";
console.log(s.indexOf("quick"));
console.log(s.indexOf("cat"));
console.log(s.indexOf("o"), s.indexOf("o", 13));
console.log(s.slice(4, 9));
console.log(s.slice(-3));
console.log(s.slice(4, -4));
console.log(s.substring(9, 4));
console.log(s.substring(-5, 3));
console.log(s.toUpperCase());
console.log(s.toLowerCase());
console.log(s.split(" "));
console.log("a,b,,c".split(","));
console.log("abc".split(""));
console.log("one".split(","));
console.log(s.split(" ").length);
