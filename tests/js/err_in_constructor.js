// An error thrown from a class constructor propagates to the top level
class Config {
  constructor(port) {
    if (port > 65535) throw new RangeError("port out of range: " + port);
    this.port = port;
  }
}
console.log(new Config(80).port);
new Config(70000);
console.log("unreachable");
