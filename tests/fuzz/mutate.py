#!/usr/bin/env python3
"""mutate.py — a script-driven fuzzer for the whole of reef (compile AND run).

Takes JavaScript seeds (tests/js/*.js and a sample of test262, harness
prepended), makes hostile variants of them textually, runs each under the
ASan+UBSan build with small limits and a time limit, and keeps every input
that crashes: exit by a signal, a sanitizer report, an exit status other
than 0/1, or a timeout. Crashers are minimised (line-wise, then
character-wise delta debugging that keeps the same signature) and written to
tests/fuzz/crashes/ as NAME.js beside NAME.txt (the sanitizer report).

Mutations (mixed at random, several per input):
  splice    replace a bracketed subtree of one file with one from another
  nest      deep nesting: ((((...)))), [[[[...]]]], {{{...}}}, a=>a=>..., `${`${...}`}`
  literal   huge numbers, long digit runs, long strings, big array/string lengths
  break     unbalanced brackets, NUL bytes, invalid UTF-8, U+2028/2029, BOM,
            lone surrogates, odd escapes, truncation
  hostile   monkey-patching of builtins: Array.prototype.push = null, throwing
            getters/setters on Object.prototype and Array.prototype indices,
            deleting prototype methods, redefining length, recursion through
            toString/valueOf, huge array lengths, repeat to the limit

usage:
  tests/fuzz/mutate.py [--seconds N] [--reef PATH] [--jobs 1] [--seed S]
  tests/fuzz/mutate.py --run-seeds           # no mutation: every seed once per tier
  tests/fuzz/mutate.py --minimize FILE       # minimise one crasher by hand
Keep the machine usable: it runs one reef at a time, under `nice`.
"""
import argparse
import glob
import hashlib
import os
import random
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CRASH_DIR = os.path.join(ROOT, "tests", "fuzz", "crashes")
LIMITS = ["--max-heap=64", "--stack-size=256"]
TIERS = [["--no-opt"], [], ["--always-opt", "--deopt-every-n-times=7"]]
ENV = dict(os.environ,
           ASAN_OPTIONS="detect_leaks=0:exitcode=86:hard_rss_limit_mb=3000:quarantine_size_mb=32:"
                        "allocator_may_return_null=0:handle_abort=1:symbolize=1",
           UBSAN_OPTIONS="halt_on_error=1:exitcode=87:print_stacktrace=1")

# ---------------------------------------------------------------------------
# Hostile snippets. Each is a complete statement list, wrapped in try by the
# mutator when it may legitimately throw.
HOSTILE = [
    "Array.prototype.push = null;",
    "Array.prototype.pop = 5;",
    "Array.prototype.join = function () { return this.join(); };",
    "Object.prototype.toString = function () { return String(this); };",
    "Object.prototype.valueOf = function () { return this + 1; };",
    "Object.prototype.toString = function () { return {}; }; Object.prototype.valueOf = function () { return {}; };",
    "Object.defineProperty(Object.prototype, 'x', { get() { throw new Error('get x'); }, set(v) { throw new Error('set x'); }, configurable: true });",
    "Object.defineProperty(Object.prototype, 'length', { get() { throw 1; }, configurable: true });",
    "Object.defineProperty(Object.prototype, 'constructor', { get() { throw 2; }, configurable: true });",
    "Object.defineProperty(Object.prototype, 'then', { get() { throw 3; }, configurable: true });",
    "Object.defineProperty(Array.prototype, '0', { get() { throw new Error('idx'); }, set(v) {}, configurable: true });",
    "Object.defineProperty(Array.prototype, '1', { get() { return 1; }, configurable: true });",
    "Object.defineProperty(Object.prototype, '0', { get() { return this; }, configurable: true });",
    "Object.defineProperty(Array.prototype, 'length', { value: 1 });",
    "Object.defineProperty([], 'length', { value: -1 });",
    "Object.defineProperty(Function.prototype, 'length', { get() { throw 4; } });",
    "Object.defineProperty(Function.prototype, 'name', { get() { return {}; } });",
    "Object.defineProperty(Error.prototype, 'message', { get() { throw 5; } });",
    "Object.defineProperty(Error.prototype, 'name', { get() { throw 6; } });",
    "Error.prototype.toString = function () { throw this; };",
    "Error.prototype.toString = null; Error.prototype.name = {};",
    "Error.captureStackTrace = null; Error.prepareStackTrace = function () { throw 7; };",
    "delete Array.prototype.map; delete Array.prototype.forEach; delete Array.prototype.indexOf;",
    "delete Object.prototype.toString; delete Object.prototype.valueOf;",
    "delete String.prototype.toString; delete String.prototype.valueOf; delete String.prototype.slice;",
    "delete Function.prototype.call; delete Function.prototype.apply; delete Function.prototype.bind;",
    "delete Array.prototype[Symbol.iterator];",
    "Array.prototype[Symbol.iterator] = function () { return this; };",
    "Array.prototype[Symbol.iterator] = function () { return { next: null }; };",
    "String.prototype[Symbol.iterator] = 1;",
    "Symbol.prototype.toString = function () { return this; };",
    "Number.prototype.toString = function () { return this; };",
    "Number.prototype.valueOf = function () { throw 8; };",
    "JSON.stringify = null; Math.max = Math.min;",
    "Object.freeze(Array.prototype);",
    "Object.freeze(Object.prototype);",
    "Object.setPrototypeOf(Array.prototype, null);",
    "Object.setPrototypeOf(Object.prototype, null);",
    "try { Object.setPrototypeOf(Object.prototype, Array.prototype); } catch (e) {}",
    "Object.setPrototypeOf(Function.prototype, Array.prototype);",
    "Array.prototype.__proto__ = Function.prototype;",
    "globalThis.undefined = 1; globalThis.NaN = 2; var undefined = 3;",
    "console.log = function () { throw 9; };",
    "console.log = console.log.bind(null, { toString() { throw 10; } });",
    "Object.defineProperty(globalThis, 'console', { get() { throw 11; } });",
    "var o = {}; o.toString = o.valueOf = function () { return o; }; String(o);",
    "var r = {}; r.valueOf = function () { return r + 1; }; r + 1;",
    "var t = { toString() { return t + ''; } }; '' + t;",
    "var a = []; a[0] = a; a.join(); String(a); a.toString();",
    "var a = []; a.push(a); JSON.stringify(a);",
    "var o = {}; o.o = o; JSON.stringify(o);",
    "var a = [1, 2, 3]; a.length = 4294967295; a.push(1);",
    "var a = []; a.length = 4294967295; a.sort(); a.reverse();",
    "new Array(4294967295);",
    "new Array(4294967296);",
    "new Array(-1);",
    "Array(4294967295).join('x');",
    "[].concat(new Array(4294967295), [1]);",
    "Array.prototype.concat.call({ length: 4294967295 }, 1);",
    "Array.prototype.push.call({ length: 9007199254740991 }, 1);",
    "Array.prototype.push.call({ length: 2 ** 53 - 1 }, 1, 2);",
    "Array.prototype.splice.call({ length: 4294967295 }, 0, 0, 1);",
    "Array.prototype.indexOf.call({ length: 1e15 }, 1);",
    "Array.prototype.lastIndexOf.call({ length: 1e15 }, 1);",
    "Array.prototype.fill.call({ length: 1e15 }, 1, 1e15 - 2);",
    "Array.prototype.join.call({ length: 1e9 });",
    "Array.prototype.slice.call({ length: 4294967295 }, 4294967290);",
    "Array.from({ length: 4294967295 });",
    "Array.from({ length: -1 });",
    "'x'.repeat(2 ** 28);",
    "'xy'.repeat(2 ** 29);",
    "'x'.repeat(2 ** 30);",
    "'x'.repeat(Infinity);",
    "'x'.repeat(-1);",
    "'x'.padStart(2 ** 31);",
    "'x'.padEnd(1e9, 'ab');",
    "var s = 'ab'; for (var i = 0; i < 40; i++) s += s;",
    "var s = 'a'; for (var i = 0; i < 30; i++) s = s + s; s.length;",
    "String.fromCharCode.apply(null, new Array(100000).fill(65));",
    "Math.max.apply(null, new Array(1000000));",
    "(function () {}).apply(null, { length: 4294967295 });",
    "(function () {}).apply(null, new Array(10000000));",
    "new Function('a'.repeat(100000));",
    "new Function('('.repeat(100000));",
    "eval('('.repeat(100000) + ')'.repeat(100000));",
    "eval('['.repeat(100000));",
    "eval('{'.repeat(100000));",
    "new Function('return ' + '-'.repeat(100000) + '1');",
    "new Function('return ' + '!'.repeat(100000) + '1');",
    "new Function('return ' + 'a=>'.repeat(20000) + '1');",
    "new Function('return ' + 'function f(){'.repeat(20000));",
    "new Function('x', 'return ' + 'x.y'.repeat(1) + '.y'.repeat(100000));",
    "new Function('return ' + '1+'.repeat(200000) + '1');",
    "new Function('return `' + '${`'.repeat(20000));",
    "new Function('return ' + 'new '.repeat(100000) + 'f');",
    "new Function('return ' + 'typeof '.repeat(100000) + 'f');",
    "new Function('return ' + 'a?'.repeat(50000) + 'b' + ':c'.repeat(50000));",
    "new Function('return ' + '[a,'.repeat(50000));",
    "new Function('var ' + 'a,'.repeat(200000) + 'b;');",
    "new Function(new Array(70000).fill('a').map((x, i) => x + i).join(','), '');",
    "parseInt('9'.repeat(100000));",
    "parseFloat('9'.repeat(100000) + 'e-99999');",
    "Number('1' + '0'.repeat(400));",
    "Number('0.' + '0'.repeat(400) + '1');",
    "(1e21).toFixed(100); (1.5).toFixed(100); (123.456).toExponential(100); (0.1).toPrecision(100);",
    "(255).toString(2); (-0.1).toString(36); (1e300).toString(3); (2 ** -1074).toString(2);",
    "(1.7976931348623157e308).toString(36); (5e-324).toString(36);",
    "Number.prototype.toString.call(1, 1);",
    "Number.prototype.toFixed.call(1, 101);",
    "JSON.parse('['.repeat(100000));",
    "JSON.parse('{\"a\":'.repeat(100000));",
    "JSON.stringify(JSON.parse('['.repeat(5000) + ']'.repeat(5000)));",
    "JSON.stringify({}, null, 1e9);",
    "JSON.stringify({ a: [1, { b: 2 }] }, function (k, v) { throw 12; });",
    "JSON.stringify({ toJSON() { return this; } });",
    "JSON.stringify({ toJSON() { throw 13; } });",
    "JSON.stringify('\\ud800\\udc00\\ud800');",
    "var d = new Date(8.64e15 + 1); String(d); d.toISOString();",
    "new Date(NaN).toISOString();",
    "new Date(-8.64e15).toString(); new Date(8.64e15).toUTCString();",
    "Date.UTC(275760, 8, 13, 0, 0, 0, 1);",
    "Symbol() + '';",
    "`${Symbol()}`;",
    "({}) instanceof { [Symbol.hasInstance]: 1 };",
    "Object.keys(new Array(10000000));",
    "Object.getOwnPropertyNames('x'.repeat(1000000));",
    "Object.assign({}, 'x'.repeat(1000000));",
    "[...'x'.repeat(1000000)];",
    "var p = {}; for (var i = 0; i < 200000; i++) p['k' + i] = i; delete p.k5; Object.keys(p).length;",
    "var q = []; q[4294967294] = 1; q.length; q.push(2);",
    "var q = []; q[4294967295] = 1; q.length;",
    "var q = [1,2,3]; q[-1] = 0; q[1.5] = 2; q['01'] = 3; q.length = 0;",
    "var q = []; q[1e9] = 1; q.sort(); q.reverse(); q.indexOf(1);",
    "var q = [1,2,3]; Object.defineProperty(q, 1, { get() { q.length = 0; return 1; } }); q.map(x => x); q.sort(); q.join();",
    "var q = [3,2,1]; q.sort(function (a, b) { q.length = 0; q.push(1,2,3,4,5,6,7,8,9); return a - b; });",
    "var q = [3,2,1]; q.sort(function () { throw 14; });",
    "var q = [1,2,3]; q.forEach(function () { q.length = 0; });",
    "var q = [1,2,3]; q.map(function () { q.push(1); return q; });",
    "var q = [1,2,3]; for (var x of q) { q.length = 0; q.push(x); if (q.length > 3) break; }",
    "var q = [1,2,3]; q.reduce(function (a, b) { q.length = 1; return a + b; });",
    "var q = [1.5, 2.5]; q.length = 100000; q.fill(0.5); q.join();",
    "var o = {}; Object.defineProperty(o, 'x', { get: function g() { return o.x; } }); o.x;",
    "var o = { get x() { return this.x; } }; o.x;",
    "var o = { set x(v) { this.x = v; } }; o.x = 1;",
    "function R() { return new R(); } new R();",
    "function R2() { return R2.apply(null, arguments); } R2(1, 2, 3);",
    "function R3() { return [].map.call([1], R3); } R3();",
    "function R4() { return JSON.stringify({ toJSON: R4 }); } R4();",
    "function R5() { return ({ toString: R5 }) + ''; } R5();",
    "function R6() { return [0].sort(R6), [1, 0].sort(R6); } R6();",
    "function R7() { try { R7(); } finally { R7(); } } R7();",
    "function R8() { try { return R8(); } catch (e) { return R8(); } } R8();",
    "var R9 = function () { return new Function('R9()')(); }; R9();",
    "function R10() { return eval('R10()'); } R10();",
    "var bound = function () {}; for (var i = 0; i < 100000; i++) bound = bound.bind(null); bound();",
    "var f = function () {}; for (var i = 0; i < 100000; i++) f = f.bind(null, i); f();",
    "class A { constructor() { return new B(); } } class B extends A {} new B();",
    "class C extends null {} new C();",
    "class D extends Object { constructor() { return 1; } } new D();",
    "class E2 extends Array {} var e2 = new E2(4294967295);",
    "class F2 { static [Symbol.hasInstance]() { throw 15; } } 1 instanceof F2;",
    "var g = function* () { yield* g(); }; g().next();",
    "arguments = null;",
    "(function () { arguments.length = 4294967295; return Array.prototype.slice.call(arguments); })();",
    "(function () { arguments[1e9] = 1; return [].slice.call(arguments); })();",
    "(function (a) { delete arguments[0]; a = 1; return arguments[0]; })(0);",
    "with ({}) { }",
    "label: for (;;) { break label; }",
    "var x = 0; x = x ** 1e308; x = -0 ** -1; x = 2 ** 1024; x = (-8) ** (1/3);",
    "var i32 = 2147483647; i32 + 1; -2147483648 / -1; -2147483648 % -1; (-2147483648) * -1; i32 << 31; 1 >>> 32; -1 >> 33;",
    "Math.pow(-2147483648, 2); (0x7fffffff | 0) + (0x7fffffff | 0); -(-2147483648);",
    "(-2147483648 | 0) / -1 | 0; (-2147483648 | 0) % -1;",
    "~~1e20; 1e20 | 0; NaN | 0; Infinity >>> 0; -Infinity >> 0; 2 ** 53 << 1;",
    "String.fromCharCode(0xD800) + String.fromCharCode(0xDC00); '\\uD800'.normalize && '\\uD800'.toUpperCase();",
    "encodeURIComponent('\\uD800');",
    "decodeURIComponent('%');",
    "decodeURIComponent('%E0%A4%A');",
    "escape && escape('\\uD800'); unescape && unescape('%u');",
    "'abc'.charAt(1e10); 'abc'.charCodeAt(-1e10); 'abc'.substring(-Infinity, Infinity); 'abc'.slice(4294967296);",
    "'abc'.split('', 4294967295); 'abc'.split(undefined, -1); ''.split('');",
    "'abc'.indexOf('', 1e10); 'abc'.lastIndexOf('', -1e10); 'abc'.at && 'abc'.at(-1e20);",
    "'abc'.replace('b', function () { throw 16; });",
    "'abc'.replace('b', '$0$1$&$`$\\'$$$'); 'abc'.replaceAll && 'aaa'.replaceAll('', '-');",
    "'x'.localeCompare(); 'x'.concat(new Array(1000).join('y'));",
    "Object.defineProperty(String.prototype, 'length', { value: 5 });",
    "Object.prototype[Symbol.toPrimitive] = function () { throw 17; }; 1 + {};",
    "Object.prototype[Symbol.toPrimitive] = function () { return {}; }; 1 + {};",
    "Object.defineProperty(Object.prototype, Symbol.toStringTag, { get() { throw 18; } }); String({});",
    "Symbol.iterator = 1; Symbol.toPrimitive = 2;",
    "var sym = Symbol('s'); var so = {}; so[sym] = 1; Object.keys(so); JSON.stringify(so); String(sym.description);",
    "%DebugPrint(1); %OptimizeFunctionOnNextCall(function () {});",
]

NEST_KINDS = [
    ("(", "1", ")"), ("[", "1", "]"), ("{", "", "}"), ("-", "1", ""), ("!", "1", ""),
    ("a=>", "1", ""), ("function(){", "", "}"), ("`${", "1", "}`"), ("if(1)", ";", ""),
    ("{a:", "1", "}"), ("x?", "1", ":1"), ("new ", "f", ""), ("(a,", "1", ")"), ("[...", "[]", "]"),
    ("try{", "", "}finally{}"), ("for(;;){", "break", "}"), ("f(", "", ")"), ("a.b", "", ""),
    ("class A extends(", "Object", "){}"), ("({x:", "1", "}).x"), ("`", "", "`"), ("'", "", "'"),
    ("/*", "", "*/"), ("void ", "0", ""), ("await ", "1", ""), ("yield ", "1", ""), ("...", "a", ""),
    ("delete ", "a", ""), ("typeof ", "a", ""), ("++", "a", ""), ("a=", "1", ""), ("a+=", "1", ""),
]

ODD = [
    "\u2028", "\u2029", "\ufeff", "\u00a0", "\u200b", "\u200d", "\\u2028", "\\ud800", "\\udc00",
    "\\u{10FFFF}", "\\u{110000}", "\\u{", "\\u{}", "\\u00", "\\x", "\\x0", "\\0", "\\08", "\\u0061",
    "\\u{0061}", "\\u{000000000000000061}", "a\\u0062c", "𝒜", "ℵ", "ゑ", "\U0001F600", "\u0300",
    "\ud800", "\udfff", "0n", "1e", "1e+", ".e1", "0x", "0b2", "0o8", "08", "09.5", "1_000", "1__0",
    "0_1", "1n1", "#", "@", "\\", "'\\", '"\\', "`\\", "/", "//", "/*", "/[/", "/(?", "/a/gg", "<!--",
    "-->", "??=", "?.", "?.(", "?.[", "a?.b`c`", "=>", "...", "..", "#x", "this.#x", "super", "new.target",
    "import.meta", "import(", "export", "yield", "await", "async", "let", "static", "get", "set", "of",
    "enum", "eval", "arguments", "debugger", "with", "\x00", "\x7f", "\x01",
]

BAD_BYTES = [b"\x00", b"\xff", b"\xfe", b"\xc0\x80", b"\xe2\x80", b"\xf0\x9f", b"\xed\xa0\x80",
             b"\xf4\x90\x80\x80", b"\x80", b"\xc3", b"\xe2\x80\xa8", b"\xef\xbb\xbf"]

OPEN = "([{"
CLOSE = ")]}"


def balanced_spans(text, rnd, limit=200):
    """Return a few (start, end) spans of balanced bracketed text (textual subtrees)."""
    spans = []
    starts = [m.start() for m in re.finditer(r"[\(\[\{]", text)]
    rnd.shuffle(starts)
    for s in starts[:limit]:
        depth = 0
        for i in range(s, min(len(text), s + 4000)):
            c = text[i]
            if c in OPEN:
                depth += 1
            elif c in CLOSE:
                depth -= 1
                if depth == 0:
                    spans.append((s, i + 1))
                    break
        if len(spans) >= 8:
            break
    return spans


def mutate_text(text, donors, rnd):
    kind = rnd.choice(["splice", "splice", "nest", "literal", "break", "hostile", "hostile", "hostile",
                       "dup", "delete"])
    if kind == "splice":
        a = balanced_spans(text, rnd)
        donor = rnd.choice(donors)
        b = balanced_spans(donor, rnd)
        if a and b:
            s, e = rnd.choice(a)
            ds, de = rnd.choice(b)
            if donor[ds] == text[s] or rnd.random() < 0.3:
                return text[:s] + donor[ds:de] + text[e:]
        kind = "nest"
    if kind == "dup":
        a = balanced_spans(text, rnd)
        if a:
            s, e = rnd.choice(a)
            return text[:e] + text[s:e] * rnd.choice([2, 3, 50]) + text[e:]
        kind = "delete"
    if kind == "delete":
        if len(text) > 2:
            s = rnd.randrange(len(text))
            e = min(len(text), s + rnd.choice([1, 2, 5, 20, 200]))
            return text[:s] + text[e:]
        kind = "break"
    pos = insertion_point(text, rnd)
    if kind == "nest":
        o, mid, c = rnd.choice(NEST_KINDS)
        n = rnd.choice([50, 300, 1000, 3000, 10000, 100000])
        piece = o * n + mid + c * n
        if rnd.random() < 0.2:
            piece = o * n  # unbalanced on purpose
        return text[:pos] + ";" + piece + ";" + text[pos:]
    if kind == "literal":
        lit = rnd.choice([
            "1e400", "-1e400", "5e-325", "0x" + "f" * rnd.choice([16, 100, 5000]), "9" * rnd.choice([20, 400, 50000]),
            "0." + "0" * 400 + "1", "1" + "0" * 400, "0b" + "1" * 2000, "0o" + "7" * 2000,
            "'" + "a" * rnd.choice([1000, 100000, 3000000]) + "'", '"' + "\\u0041" * 50000 + '"',
            "`" + "${1}" * 20000 + "`", "/" + "a" * 100000 + "/", "/" + "(" * 5000 + ")" * 5000 + "/",
            "[" + "1," * rnd.choice([1000, 100000, 1000000]) + "]", "{" + ",".join("a%d:%d" % (i, i) for i in range(20000)) + "}",
            "4294967295", "4294967296", "2147483648", "-2147483649", "9007199254740993", "1.7976931348623157e308",
            "[" + "," * 100000 + "]", "'\\" + "\n" * 1000 + "'", "a" * 100000, "\\u0061" * 10000,
        ])
        return text[:pos] + ";(" + lit + ");" + text[pos:]
    if kind == "break":
        r = rnd.random()
        if r < 0.25:
            return text[:pos] + rnd.choice("()[]{}`'\"/") + text[pos:]
        if r < 0.45:
            return text[:pos] + rnd.choice(ODD) + text[pos:]
        if r < 0.55 and text:
            return text[:rnd.randrange(len(text))]
        if r < 0.7:
            # replace a bracket with a different one
            idx = [m.start() for m in re.finditer(r"[\(\)\[\]\{\}]", text)]
            if idx:
                i = rnd.choice(idx)
                return text[:i] + rnd.choice("()[]{}") + text[i + 1:]
        return text[:pos] + "\x00BYTES%d\x00" % rnd.randrange(len(BAD_BYTES)) + text[pos:]
    # hostile
    snip = rnd.choice(HOSTILE)
    if rnd.random() < 0.5:
        snip = "try { " + snip + " } catch (e) {}"
    if rnd.random() < 0.6:
        return snip + "\n" + text
    return text[:pos] + "\n" + snip + "\n" + text[pos:]


def insertion_point(text, rnd):
    if not text:
        return 0
    cands = [m.end() for m in re.finditer(r"[;\n]", text)]
    if cands and rnd.random() < 0.8:
        return rnd.choice(cands)
    return rnd.randrange(len(text) + 1)


def to_bytes(text):
    """Encode, turning the \\0BYTES<n>\\0 markers into raw (invalid) byte sequences."""
    data = text.encode("utf-8", "surrogatepass")
    def sub(m):
        return BAD_BYTES[int(m.group(1))]
    return re.sub(rb"\x00BYTES(\d+)\x00", sub, data)


# ---------------------------------------------------------------------------
def run_reef(reef, path, flags, timeout):
    cmd = ["nice", "-n", "10", reef] + LIMITS + flags + [path]
    t0 = time.time()
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           timeout=timeout, env=ENV, cwd=os.path.dirname(path))
    except subprocess.TimeoutExpired as e:
        return ("timeout", "TIMEOUT", (e.stderr or b"").decode("utf-8", "replace"), time.time() - t0)
    err = p.stderr.decode("utf-8", "replace")
    return (classify(p.returncode, err), signature(p.returncode, err), err, time.time() - t0)


def classify(rc, err):
    if "ERROR: AddressSanitizer" in err or "runtime error:" in err or "Sanitizer" in err and "SUMMARY" in err:
        return "crash"
    if rc < 0 or rc >= 2:
        return "crash"
    return "ok"


def signature(rc, err):
    """A crash's identity: the sanitizer's kind plus the first frame in reef's sources."""
    m = re.search(r"(runtime error: [^\n]*?)(?: of type| for type|$)", err, re.M)
    kind = None
    if m:
        loc = re.search(r"([\w/]+\.c):(\d+):\d+: runtime error", err)
        kind = "ubsan:%s:%s" % (loc.group(1) if loc else "?", re.sub(r"0x[0-9a-f]+|-?\d+", "N", m.group(1))[:60])
        return kind
    m = re.search(r"ERROR: AddressSanitizer: ([\w-]+)", err)
    if m:
        kind = "asan:" + m.group(1)
    elif rc < 0:
        kind = "signal:%d" % -rc
    elif rc >= 2:
        kind = "exit:%d" % rc
    else:
        kind = "ok"
    frames = re.findall(r"#\d+ 0x[0-9a-f]+ in (\w+) (?:/work/main/)?((?:runtime|frontend|ir|passes|backend|graphs|driver)/[\w.]+):(\d+)", err)
    if frames:
        fn, f, line = frames[0]
        kind += ":%s:%s" % (f, fn)
    return kind


def first_location(err):
    frames = re.findall(r"#\d+ 0x[0-9a-f]+ in (\w+) (?:/work/main/)?((?:runtime|frontend|ir|passes|backend|graphs|driver)/[\w.]+:\d+)", err)
    if frames:
        return "%s (%s)" % (frames[0][1], frames[0][0])
    loc = re.search(r"((?:runtime|frontend|ir|passes|backend|graphs|driver)/[\w.]+:\d+):\d+: runtime error", err)
    return loc.group(1) if loc else "?"


# ---------------------------------------------------------------------------
def minimize(reef, data, flags, sig, timeout, budget=90.0, tmp="/tmp/reef_min.js"):
    """ddmin over lines, then chunks of characters, keeping the signature."""
    deadline = time.time() + budget

    def still(d):
        if time.time() > deadline:
            return False
        with open(tmp, "wb") as f:
            f.write(d)
        status, s, _, _ = run_reef(reef, tmp, flags, timeout)
        return status != "ok" and s == sig

    def ddmin(units, join):
        n = 2
        while len(units) >= 2 and time.time() < deadline:
            chunk = max(1, len(units) // n)
            reduced = False
            for i in range(0, len(units), chunk):
                cand = units[:i] + units[i + chunk:]
                if cand and still(join(cand)):
                    units = cand
                    n = max(n - 1, 2)
                    reduced = True
                    break
            if not reduced:
                if chunk == 1:
                    break
                n = min(len(units), n * 2)
        return units

    lines = data.split(b"\n")
    lines = ddmin(lines, lambda u: b"\n".join(u))
    data = b"\n".join(lines)
    if len(data) < 20000:
        units = [data[i:i + 1] for i in range(len(data))]
        if len(units) > 2000:
            step = len(units) // 1000
            units = [data[i:i + step] for i in range(0, len(data), step)]
        data = b"".join(ddmin(units, lambda u: b"".join(u)))
    return data


def save_crash(reef, data, flags, status, sig, err, timeout, seen, do_min=True):
    os.makedirs(CRASH_DIR, exist_ok=True)
    if status == "timeout":
        # every hang is its own case until looked at (most are plain infinite loops)
        if sum(1 for s in seen if s.startswith("TIMEOUT")) >= 30:
            return False
        sig = "TIMEOUT:" + hashlib.sha1(data).hexdigest()[:10]
    h = hashlib.sha1(sig.encode()).hexdigest()[:10]
    if sig in seen:
        return False
    seen.add(sig)
    if do_min and status == "crash":
        data = minimize(reef, data, flags, sig, timeout)
        tmp = "/tmp/reef_min.js"
        with open(tmp, "wb") as f:
            f.write(data)
        _, _, err2, _ = run_reef(reef, tmp, flags, timeout)
        if err2:
            err = err2
    sub = CRASH_DIR if status == "crash" else os.path.join(CRASH_DIR, "timeouts")
    os.makedirs(sub, exist_ok=True)
    name = os.path.join(sub, "fuzz_%s" % h)
    with open(name + ".js", "wb") as f:
        f.write(data)
    with open(name + ".txt", "w") as f:
        f.write("signature: %s\nflags: %s\nat: %s\n\n" % (sig, " ".join(LIMITS + flags), first_location(err)))
        f.write(err[:20000])
    print("CRASH %s -> %s (%s)" % (sig, name + ".js", first_location(err)), flush=True)
    return True


def load_seeds(rnd, t262_sample):
    seeds = []
    for p in sorted(glob.glob(os.path.join(ROOT, "tests", "js", "*.js"))):
        with open(p, encoding="utf-8", errors="surrogateescape") as f:
            seeds.append((p, f.read()))
    t262 = os.path.join(ROOT, "build", "test262")
    if not os.path.isdir(os.path.join(t262, "test")):
        print("mutate.py: build/test262 missing: running tests/test262/run.sh once to unpack it", file=sys.stderr)
        subprocess.run(["bash", os.path.join(ROOT, "tests", "test262", "run.sh")], cwd=ROOT,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    files = sorted(glob.glob(os.path.join(t262, "test", "**", "*.js"), recursive=True))
    files = [f for f in files if "_FIXTURE" not in f]
    harness = ""
    for h in ("assert.js", "sta.js", "compareArray.js", "propertyHelper.js"):
        hp = os.path.join(t262, "harness", h)
        if os.path.exists(hp):
            with open(hp, encoding="utf-8", errors="surrogateescape") as f:
                harness += f.read() + "\n"
    for p in rnd.sample(files, min(t262_sample, len(files))):
        with open(p, encoding="utf-8", errors="surrogateescape") as f:
            body = f.read()
        if "flags: [module]" in body or "flags: [async]" in body:
            continue
        seeds.append((p, harness + body))
    return seeds


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reef", default=os.path.join(ROOT, "build", "asan", "reef"))
    ap.add_argument("--seconds", type=float, default=600)
    ap.add_argument("--timeout", type=float, default=10)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--t262", type=int, default=400, help="test262 files to sample as seeds")
    ap.add_argument("--run-seeds", action="store_true", help="no mutation: run every seed once per tier")
    ap.add_argument("--gc-stress", action="store_true", help="add --gc-stress to every run")
    ap.add_argument("--minimize", metavar="FILE")
    ap.add_argument("--flags", default="", help="extra reef flags for --minimize")
    ap.add_argument("--no-minimize", action="store_true")
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    reef = os.path.abspath(args.reef)
    seen = set()
    for t in glob.glob(os.path.join(CRASH_DIR, "**", "*.txt"), recursive=True):
        with open(t, errors="replace") as f:
            first = f.readline()
        if first.startswith("signature: "):
            seen.add(first[len("signature: "):].strip())

    if args.minimize:
        with open(args.minimize, "rb") as f:
            data = f.read()
        flags = args.flags.split()
        status, sig, err, _ = run_reef(reef, os.path.abspath(args.minimize), flags, args.timeout)
        print("status %s signature %s" % (status, sig))
        if status == "crash":
            data = minimize(reef, data, flags, sig, args.timeout, budget=300)
            sys.stdout.buffer.write(data + b"\n")
        return

    seeds = load_seeds(rnd, args.t262)
    donors = [t for _, t in seeds]
    tmpdir = "/tmp/reef_fuzz_%d" % os.getpid()
    os.makedirs(tmpdir, exist_ok=True)
    path = os.path.join(tmpdir, "input.js")
    stats = {"runs": 0, "crash": 0, "timeout": 0}
    t_end = time.time() + args.seconds
    if args.run_seeds:
        work = [(p, t, tier) for p, t in seeds for tier in TIERS]
    else:
        work = None
    i = 0
    while time.time() < t_end:
        if work is not None:
            if i >= len(work):
                break
            src, text, flags = work[i]
            data = text.encode("utf-8", "surrogateescape")
        else:
            src, text = rnd.choice(seeds)
            for _ in range(rnd.choice([1, 1, 2, 3, 5])):
                text = mutate_text(text, donors, rnd)
            data = to_bytes(text)
            flags = list(rnd.choice(TIERS))
        i += 1
        if args.gc_stress or (work is None and rnd.random() < 0.15):
            flags = flags + ["--gc-stress"]
        with open(path, "wb") as f:
            f.write(data)
        status, sig, err, dt = run_reef(reef, path, flags, args.timeout)
        stats["runs"] += 1
        if status != "ok":
            stats[status] += 1
            save_crash(reef, data, flags, status, sig, err, args.timeout, seen, not args.no_minimize)
        if stats["runs"] % 100 == 0:
            print("runs %d crashes %d timeouts %d unique %d" % (stats["runs"], stats["crash"], stats["timeout"],
                                                                  len(seen)), flush=True)
    print("done: runs %d crashes %d timeouts %d unique %d" % (stats["runs"], stats["crash"], stats["timeout"],
                                                                len(seen)))


if __name__ == "__main__":
    main()
