// hang: runtime/rt_builtins_array.c Array.prototype.join walks 2^32-1 holes; Node throws RangeError (Invalid string length) at once: check sep_len*(len-1) against the string limit first
try { Array(4294967295).join("x"); } catch (e) { console.log(e.name); }
