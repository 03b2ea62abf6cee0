// String indexing, charAt, charCodeAt and out-of-range access
var s = "hello";
console.log(s[0], s[4], s[5]);
console.log(s.charAt(1), s.charAt(10) === "");
console.log(s.charCodeAt(0), s.charCodeAt(99));
console.log(s[-1]);
console.log(s["length"]);
console.log(s.length - 1, s[s.length - 1]);
var r = "";
for (var i = s.length - 1; i >= 0; i--) r += s[i];
console.log(r);
s[0] = "J";
console.log(s);
console.log("abc"[1]);
console.log(typeof s[0]);
var codes = [];
for (var j = 0; j < s.length; j++) codes.push(s.charCodeAt(j));
console.log(codes);
