// Mutual recursion between function declarations
function isEven(n) { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n) { return n === 0 ? false : isEven(n - 1); }
console.log(isEven(10), isOdd(10), isEven(7), isOdd(7));
console.log(isEven(1001));
function parseExpr(s, pos) {
  var left = parseTerm(s, pos);
  while (left.pos < s.length && s[left.pos] === "+") {
    var right = parseTerm(s, left.pos + 1);
    left = { val: left.val + right.val, pos: right.pos };
  }
  return left;
}
function parseTerm(s, pos) {
  var left = parseAtom(s, pos);
  while (left.pos < s.length && s[left.pos] === "*") {
    var right = parseAtom(s, left.pos + 1);
    left = { val: left.val * right.val, pos: right.pos };
  }
  return left;
}
function parseAtom(s, pos) {
  if (s[pos] === "(") {
    var inner = parseExpr(s, pos + 1);
    return { val: inner.val, pos: inner.pos + 1 };
  }
  var n = 0;
  while (pos < s.length && s[pos] >= "0" && s[pos] <= "9") n = n * 10 + (s.charCodeAt(pos++) - 48);
  return { val: n, pos: pos };
}
console.log(parseExpr("2+3*4", 0).val);
console.log(parseExpr("(2+3)*4", 0).val);
console.log(parseExpr("10*(1+2*(3+4))+5", 0).val);
