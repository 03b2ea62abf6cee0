// Reading a property of undefined deep inside calls is an uncaught TypeError
function getName(user) { return user.profile.name; }
console.log(getName({ profile: { name: "ok" } }));
console.log(getName({}));
