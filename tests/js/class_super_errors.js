// Derived constructors must call super before using this
class Base {
  constructor() { this.base = true; }
}
class Bad extends Base {
  constructor() {
    this.x = 1;
    super();
  }
}
try {
  new Bad();
} catch (e) {
  console.log("this before super:", e.name);
}
class Missing extends Base {
  constructor() {}
}
try {
  new Missing();
} catch (e) {
  console.log("no super call:", e.name);
}
class Twice extends Base {
  constructor() {
    super();
    try {
      super();
    } catch (e) {
      console.log("super twice:", e.name);
    }
  }
}
new Twice();
class ReturnsObject extends Base {
  constructor() {
    return { custom: true };
  }
}
console.log(new ReturnsObject());
try {
  Base();
} catch (e) {
  console.log("call without new:", e.name);
}
class Good extends Base {
  constructor() {
    super();
    this.good = true;
  }
}
console.log(new Good());
