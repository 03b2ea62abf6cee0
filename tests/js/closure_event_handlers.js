// Closures registered as callbacks capturing different environments
function Emitter() { this.handlers = {}; }
Emitter.prototype.on = function (name, fn) {
  (this.handlers[name] = this.handlers[name] || []).push(fn);
};
Emitter.prototype.emit = function (name, arg) {
  var hs = this.handlers[name] || [];
  for (var i = 0; i < hs.length; i++) hs[i](arg);
  return hs.length;
};
var em = new Emitter();
var log = [];
for (let i = 0; i < 3; i++) {
  em.on("tick", function (x) { log.push("h" + i + ":" + x); });
}
console.log(em.emit("tick", "a"), log);
var total = 0;
em.on("add", function (n) { total += n; });
em.emit("add", 5);
em.emit("add", 7);
console.log(total);
console.log(em.emit("none"));
function makeLogger(prefix) {
  var count = 0;
  return function (msg) {
    count++;
    console.log(prefix + "#" + count + " " + msg);
  };
}
var info = makeLogger("INFO"), warn = makeLogger("WARN");
info("start"); warn("careful"); info("done");
