// Strings are bare at top level but quoted inside containers, choosing quotes to avoid escapes
console.log("plain");
console.log(["plain"]);
console.log(["it's"]);
console.log(['say "hi"']);
console.log(["it's \"both\""]);
console.log({ s: "it's", t: 'a "q"' });
console.log(["`tick`", "it's `both`"]);
console.log(["it's \"all\" `three`"]);
console.log(["\u00e9", "\u4e2d", "😀"]);
console.log(["ctrl\x01char", "bell\x07"]);
console.log("top level 'quotes' stay \"as is\"");
