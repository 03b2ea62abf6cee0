// A template literal whose last character is a backslash at the very end of
// the source: the scanner stepped one byte past the end of the buffer.
var sources = ["`abc\\", "`\\", "x = `${1}\\", "`\\u", "`\\x4", "`\\u{1"];
for (var i = 0; i < sources.length; i++) {
  try {
    new Function(sources[i]);
    console.log("compiled", JSON.stringify(sources[i]));
  } catch (e) {
    console.log(e.name, JSON.stringify(sources[i]));
  }
}
