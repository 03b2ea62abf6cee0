// Reading a property of undefined deep inside calls is an uncaught TypeError
function getName(user) {
  return user.profile.name;
}
console.log(typeof getName, getName.length);
var users = [{ profile: { name: "ok" } }, { profile: { name: "fine" } }, {}];
for (var i = 0; i < users.length; i++) {
  console.log(i, getName(users[i]));
}
console.log("unreachable");
