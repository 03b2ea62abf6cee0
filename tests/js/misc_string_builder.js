// Text formatting helpers: padding, tables and word wrap without builtins beyond basics
function pad(s, n, right) {
  s = String(s);
  while (s.length < n) s = right ? s + " " : " " + s;
  return s;
}
var rows = [["name", "qty", "price"], ["apple", 3, 1.25], ["watermelon", 1, 4.5], ["fig", 12, 0.3]];
var widths = [0, 0, 0];
rows.forEach(function (r) {
  r.forEach(function (c, i) { widths[i] = Math.max(widths[i], String(c).length); });
});
rows.forEach(function (r) {
  console.log(r.map(function (c, i) { return pad(c, widths[i], i === 0); }).join(" | "));
});
function wrap(text, width) {
  var words = text.split(" "), lines = [], cur = "";
  for (var i = 0; i < words.length; i++) {
    if (cur && (cur + " " + words[i]).length > width) { lines.push(cur); cur = words[i]; }
    else cur = cur ? cur + " " + words[i] : words[i];
  }
  if (cur) lines.push(cur);
  return lines;
}
console.log(wrap("the quick brown fox jumps over the lazy dog again and again", 16).join("\n"));
console.log(pad("x", 5) + "|" + pad("y", 5, true) + "|");
