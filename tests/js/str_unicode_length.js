// String length counts UTF-16 code units
console.log("".length);
console.log("abc".length);
console.log("é".length);
console.log("中文".length);
console.log("😀".length);
console.log("a😀b".length);
var s = "😀";
console.log(s.charCodeAt(0), s.charCodeAt(1));
console.log(s[0] === "\ud83d", s[1] === "\ude00");
console.log("\ud83d\ude00" === s);
console.log("€".charCodeAt(0));
console.log("h\u00e9llo" === "héllo", "héllo".length);
console.log("héllo".indexOf("l"), "中文字".slice(1));
console.log("naïve café");
var count = 0;
for (var c of "a😀b") count++;
console.log(count);
