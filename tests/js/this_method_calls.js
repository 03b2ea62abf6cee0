// this depends on how a function is called
"use strict";
function show() { return this === undefined ? "undefined" : this.tag; }
var a = { tag: "a", show: show };
var b = { tag: "b", show: a.show };
console.log(a.show(), b.show(), show());
console.log(show.call(a), show.call(undefined));
var arr = [show];
arr.tag = "array";
console.log(arr[0]());
var outer = {
  tag: "outer",
  run: function () {
    function inner() { return this; }
    return inner();
  },
  runArrow: function () {
    var inner = () => this.tag;
    return inner();
  },
};
console.log(outer.run(), outer.runArrow());
function Ctor() { this.tag = "constructed"; }
Ctor.prototype.show = show;
console.log(new Ctor().show());
var getter = { tag: "getter", get me() { return this.tag; } };
console.log(getter.me);
console.log(show.call(5) === undefined, typeof show.call.length);
