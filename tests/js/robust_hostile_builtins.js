// Hostile programs against the builtins (monkey-patching, huge lengths, recursion
// through conversions): each must finish as a value or a JS exception, never a crash.
var log = console.log, n = 0;
log(n++ + ' ' + (function () {
  try {
    Array.prototype.push = null;
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    Array.prototype.join = function () { return this.join(); };
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    Object.defineProperty(Array.prototype, 'length', { value: 1 });
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    Object.defineProperty([], 'length', { value: -1 });
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    Object.defineProperty(Function.prototype, 'length', { get() { throw 4; } });
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    Object.defineProperty(Function.prototype, 'name', { get() { return {}; } });
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    delete Array.prototype.map; delete Array.prototype.forEach; delete Array.prototype.indexOf;
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    delete Object.prototype.toString; delete Object.prototype.valueOf;
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    delete String.prototype.toString; delete String.prototype.valueOf; delete String.prototype.slice;
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    String.prototype[Symbol.iterator] = 1;
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    Symbol.prototype.toString = function () { return this; };
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    Number.prototype.toString = function () { return this; };
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    Number.prototype.valueOf = function () { throw 8; };
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    JSON.stringify = null; Math.max = Math.min;
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    var o = {}; o.toString = o.valueOf = function () { return o; }; String(o);
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    var r = {}; r.valueOf = function () { return r + 1; }; r + 1;
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    var t = { toString() { return t + ''; } }; '' + t;
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    var a = []; a[0] = a; a.join(); String(a); a.toString();
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    var a = []; a.push(a); JSON.stringify(a);
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    var o = {}; o.o = o; JSON.stringify(o);
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    new Array(4294967296);
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    new Array(-1);
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    Array.prototype.push.call({ length: 9007199254740991 }, 1);
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    Array.from({ length: -1 });
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    'x'.repeat(Infinity);
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    'x'.repeat(-1);
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    Number('1' + '0'.repeat(400));
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    Number('0.' + '0'.repeat(400) + '1');
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    (255).toString(2); (-0.1).toString(36); (1e300).toString(3); (2 ** -1074).toString(2);
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    (1.7976931348623157e308).toString(36); (5e-324).toString(36);
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    Number.prototype.toString.call(1, 1);
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    Number.prototype.toFixed.call(1, 101);
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    JSON.stringify({ a: [1, { b: 2 }] }, function (k, v) { throw 12; });
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    JSON.stringify({ toJSON() { return this; } });
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    JSON.stringify({ toJSON() { throw 13; } });
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    JSON.stringify('\ud800\udc00\ud800');
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    var d = new Date(8.64e15 + 1); String(d); d.toISOString();
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    new Date(NaN).toISOString();
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    new Date(-8.64e15).toString(); new Date(8.64e15).toUTCString();
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    Date.UTC(275760, 8, 13, 0, 0, 0, 1);
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    Symbol() + '';
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    `${Symbol()}`;
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    ({}) instanceof { [Symbol.hasInstance]: 1 };
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    var q = []; q[4294967294] = 1; q.length; q.push(2);
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    var q = [1,2,3]; q[-1] = 0; q[1.5] = 2; q['01'] = 3; q.length = 0;
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    var q = [1,2,3]; Object.defineProperty(q, 1, { get() { q.length = 0; return 1; } }); q.map(x => x); q.sort(); q.join();
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    var q = [3,2,1]; q.sort(function (a, b) { q.length = 0; q.push(1,2,3,4,5,6,7,8,9); return a - b; });
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    var q = [3,2,1]; q.sort(function () { throw 14; });
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    var q = [1,2,3]; q.forEach(function () { q.length = 0; });
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    var q = [1,2,3]; q.map(function () { q.push(1); return q; });
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    var q = [1,2,3]; for (var x of q) { q.length = 0; q.push(x); if (q.length > 3) break; }
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    var q = [1,2,3]; q.reduce(function (a, b) { q.length = 1; return a + b; });
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    var o = {}; Object.defineProperty(o, 'x', { get: function g() { return o.x; } }); o.x;
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    var o = { get x() { return this.x; } }; o.x;
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    var o = { set x(v) { this.x = v; } }; o.x = 1;
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    function R() { return new R(); } new R();
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    function R2() { return R2.apply(null, arguments); } R2(1, 2, 3);
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    function R3() { return [].map.call([1], R3); } R3();
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    function R4() { return JSON.stringify({ toJSON: R4 }); } R4();
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    function R5() { return ({ toString: R5 }) + ''; } R5();
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    function R6() { return [0].sort(R6), [1, 0].sort(R6); } R6();
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    class A { constructor() { return new B(); } } class B extends A {} new B();
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    class C extends null {} new C();
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    class D extends Object { constructor() { return 1; } } new D();
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    class F2 { static [Symbol.hasInstance]() { throw 15; } } 1 instanceof F2;
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    arguments = null;
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    (function (a) { delete arguments[0]; a = 1; return arguments[0]; })(0);
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    with ({}) { }
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    label: for (;;) { break label; }
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    var i32 = 2147483647; i32 + 1; -2147483648 / -1; -2147483648 % -1; (-2147483648) * -1; i32 << 31; 1 >>> 32; -1 >> 33;
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    Math.pow(-2147483648, 2); (0x7fffffff | 0) + (0x7fffffff | 0); -(-2147483648);
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    (-2147483648 | 0) / -1 | 0; (-2147483648 | 0) % -1;
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    String.fromCharCode(0xD800) + String.fromCharCode(0xDC00); '\uD800'.normalize && '\uD800'.toUpperCase();
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    encodeURIComponent('\uD800');
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    decodeURIComponent('%');
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    decodeURIComponent('%E0%A4%A');
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    'abc'.charAt(1e10); 'abc'.charCodeAt(-1e10); 'abc'.substring(-Infinity, Infinity); 'abc'.slice(4294967296);
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    'abc'.indexOf('', 1e10); 'abc'.lastIndexOf('', -1e10); 'abc'.at && 'abc'.at(-1e20);
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    'abc'.replace('b', function () { throw 16; });
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    'abc'.replace('b', '$0$1$&$`$\'$$$'); 'abc'.replaceAll && 'aaa'.replaceAll('', '-');
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    'x'.localeCompare(); 'x'.concat(new Array(1000).join('y'));
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    Object.defineProperty(String.prototype, 'length', { value: 5 });
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    Symbol.iterator = 1; Symbol.toPrimitive = 2;
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
log(n++ + ' ' + (function () {
  try {
    var sym = Symbol('s'); var so = {}; so[sym] = 1; Object.keys(so); JSON.stringify(so); String(sym.description);
    return 'ok';
  } catch (e) {
    return 'threw ' + (e instanceof Error ? e.name : typeof e);
  }
})());
