// String escape sequences in literals
console.log("tab:\there");
console.log("newline:\nsecond line");
console.log("quote: \" and \' and \\");
console.log('single \'quoted\'');
console.log("hex: \x41\x42\x43");
console.log("unicode: \u0041\u00e9\u4e2d");
console.log("braces: \u{1F600}".length);
console.log("nul:[\0]".length);
console.log("cr:\r".length);
console.log("vt\v ff\f bs\b".length);
console.log("line \
continued");
console.log("\a\c\d");
console.log(["a\nb", "it's", 'say "hi"']);
console.log(JSON.stringify("a\"b\\c\n"));
