// Calling a class constructor without new is an uncaught TypeError
class Widget {
  constructor(label) {
    this.label = label;
    this.ok = true;
  }
  render() { return "<" + this.label + ">"; }
}
var w = new Widget("btn");
console.log(w.ok, w.render());
console.log(typeof Widget);
Widget("no new");
console.log("unreachable");
