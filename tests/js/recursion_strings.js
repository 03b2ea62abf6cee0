// Recursive string algorithms
function rev(s) { return s === "" ? "" : rev(s.slice(1)) + s[0]; }
console.log(rev("recursion"));
function pal(s) { return s.length < 2 ? true : s[0] === s[s.length - 1] && pal(s.slice(1, -1)); }
console.log(pal("racecar"), pal("abca"), pal(""));
function subsets(s) {
  if (s === "") return [""];
  var rest = subsets(s.slice(1));
  var out = [];
  for (var i = 0; i < rest.length; i++) out.push(rest[i], s[0] + rest[i]);
  return out;
}
console.log(subsets("abc").join("|"));
function binary(n) { return n < 2 ? String(n) : binary(Math.floor(n / 2)) + (n % 2); }
console.log(binary(10), binary(255), binary(0));
function countChar(s, c) { return s.length === 0 ? 0 : (s[0] === c ? 1 : 0) + countChar(s.slice(1), c); }
console.log(countChar("mississippi", "s"));
function balanced(s, depth) {
  if (depth < 0) return false;
  if (s === "") return depth === 0;
  return balanced(s.slice(1), depth + (s[0] === "(" ? 1 : s[0] === ")" ? -1 : 0));
}
console.log(balanced("(()())", 0), balanced("())(", 0), balanced("(a(b)c)", 0));
