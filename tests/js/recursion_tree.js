// Recursive tree construction and traversal
function node(v, l, r) { return { v: v, l: l || null, r: r || null }; }
function insert(t, v) {
  if (t === null) return node(v);
  if (v < t.v) t.l = insert(t.l, v);
  else t.r = insert(t.r, v);
  return t;
}
var root = null;
var vals = [50, 30, 70, 20, 40, 60, 80, 35];
for (var i = 0; i < vals.length; i++) root = insert(root, vals[i]);
function inorder(t, out) {
  if (t) { inorder(t.l, out); out.push(t.v); inorder(t.r, out); }
  return out;
}
function height(t) { return t ? 1 + Math.max(height(t.l), height(t.r)) : 0; }
function count(t) { return t ? 1 + count(t.l) + count(t.r) : 0; }
console.log(inorder(root, []).join(" "));
console.log(height(root), count(root));
function flatten(a) {
  var out = [];
  for (var i = 0; i < a.length; i++) {
    if (Array.isArray(a[i])) out = out.concat(flatten(a[i]));
    else out.push(a[i]);
  }
  return out;
}
console.log(flatten([1, [2, [3, [4, [5]]]], 6]));
function permutations(s) {
  if (s.length <= 1) return [s];
  var res = [];
  for (var i = 0; i < s.length; i++) {
    var rest = permutations(s.slice(0, i) + s.slice(i + 1));
    for (var j = 0; j < rest.length; j++) res.push(s[i] + rest[j]);
  }
  return res;
}
console.log(permutations("abc"));
