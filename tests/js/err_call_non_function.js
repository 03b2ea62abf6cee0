// Calling a non-callable property value throws an uncaught TypeError
var config = { retries: 3, name: "svc" };
function describe(c) {
  return c.name + " retries=" + c.retries;
}
console.log(describe(config));
console.log(typeof config.retries);
var attempts = 0;
while (attempts < config.retries) attempts++;
console.log("attempts", attempts);
config.retries();
console.log("unreachable");
