Array.prototype.splice.call({ length: 4294967295 }, 0, 0, 1);
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
;(9007199254740993);;
new Function('return ' + 'typeof '.repeat(100000) + 'f');
({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:({x:1}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x}).x;