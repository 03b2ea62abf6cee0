// node_host.js — lets Node.js stand in for reef under run262.py, so that the
// runner can be checked against a reference engine. Node runs a file given on
// its command line as a CommonJS module (its `var`s are not global properties,
// `this` is not the global object); test262 needs a classic script in the
// global scope, so this host reads the test file and runs it with
// vm.runInThisContext. It also provides the host hooks INTERPRETING.md asks
// for: `print`, and `$262` with `global`, `evalScript` and `gc`.
//
// Usage: node [node flags] node_host.js FILE
// Exit status 0 when the script completes; 1 after printing an uncaught
// exception as "Uncaught <Name>: <message>" on stderr (as reef does).

'use strict';

const fs = require('fs');
const vm = require('vm');

function define(name, value) {
  Object.defineProperty(globalThis, name, {
    value, writable: true, configurable: true, enumerable: false,
  });
}

define('print', function print(...args) { console.log(...args); });
define('$262', {
  global: globalThis,
  evalScript(source) { return vm.runInThisContext(String(source)); },
  gc() {
    if (typeof globalThis.gc === 'function') return globalThis.gc();
    throw new Error('gc is not available (run node with --expose-gc)');
  },
});

function describe(e) {
  try {
    if (e !== null && typeof e === 'object' && typeof e.stack === 'string' && e.stack !== '')
      return e.stack.includes(String(e.name)) ? e.stack : `${e.name}: ${e.message}\n${e.stack}`;
    return String(e);
  } catch (_) {
    return '(an exception whose description throws)';
  }
}

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node node_host.js FILE\n');
  process.exit(2);
}
const source = fs.readFileSync(file, 'utf8');
try {
  vm.runInThisContext(source, { filename: file });
} catch (e) {
  process.stderr.write(`Uncaught ${describe(e)}\n`);
  process.exit(1);
}
