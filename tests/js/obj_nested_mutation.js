// Building and mutating nested object/array structures
var state = { users: [], meta: { count: 0, tags: {} } };
function addUser(name, tags) {
  state.users.push({ name: name, tags: tags });
  state.meta.count++;
  tags.forEach(function (t) { state.meta.tags[t] = (state.meta.tags[t] || 0) + 1; });
}
addUser("a", ["x", "y"]);
addUser("b", ["y"]);
console.log(state.meta);
console.log(state.users[1]);
state.users[0].tags.push("z");
console.log(state.users[0].tags.join(""));
var tree = {};
function setPath(obj, path, value) {
  var parts = path.split(".");
  var cur = obj;
  for (var i = 0; i < parts.length - 1; i++) {
    if (!cur[parts[i]]) cur[parts[i]] = {};
    cur = cur[parts[i]];
  }
  cur[parts[parts.length - 1]] = value;
}
setPath(tree, "a.b.c", 1);
setPath(tree, "a.b.d", 2);
setPath(tree, "a.e", 3);
console.log(JSON.stringify(tree));
function getPath(obj, path) {
  var parts = path.split(".");
  for (var i = 0; i < parts.length && obj != null; i++) obj = obj[parts[i]];
  return obj;
}
console.log(getPath(tree, "a.b.d"), getPath(tree, "a.x.y"), getPath(tree, "a.e"));
