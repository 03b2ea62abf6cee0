// String processing: counting, reversing, palindromes, capitalisation
function countVowels(s) {
  var n = 0;
  for (var i = 0; i < s.length; i++) if ("aeiou".indexOf(s[i].toLowerCase()) >= 0) n++;
  return n;
}
console.log(countVowels("Hello World"), countVowels("rhythm"));
function reverse(s) {
  var r = "";
  for (var i = s.length - 1; i >= 0; i--) r += s.charAt(i);
  return r;
}
console.log(reverse("stressed"));
function isPalindrome(s) {
  var clean = "";
  for (var ch of s.toLowerCase()) if (ch >= "a" && ch <= "z") clean += ch;
  return clean === reverse(clean);
}
console.log(isPalindrome("A man, a plan, a canal: Panama"), isPalindrome("nope"));
function titleCase(s) {
  return s.split(" ").map(function (w) {
    return w ? w.charAt(0).toUpperCase() + w.slice(1).toLowerCase() : w;
  }).join(" ");
}
console.log(titleCase("the qUICK brown FOX"));
function caesar(s, k) {
  var out = "";
  for (var i = 0; i < s.length; i++) {
    var c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) out += "abcdefghijklmnopqrstuvwxyz"[(c - 97 + k) % 26];
    else out += s[i];
  }
  return out;
}
console.log(caesar("hello, world", 3), caesar(caesar("abc xyz", 13), 13));
function repeat(s, n) { var r = ""; while (n-- > 0) r += s; return r; }
console.log(repeat("ab", 3), repeat("x", 0) === "");
