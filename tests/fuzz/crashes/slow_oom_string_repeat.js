// slow: runtime/rt_builtins_string.c String.prototype.repeat builds 512 MB outside the heap before the heap limit stops it: 7.6 s (release) with --max-heap=64 before the clean OOM
var s = "x".repeat(2 ** 28);
console.log(s.length);
