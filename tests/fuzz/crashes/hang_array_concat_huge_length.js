// hang: runtime/rt_builtins_array.c Array.prototype.concat copies 2^32-1 holes before failing; Node throws RangeError (Invalid array length) at once: check n + len > 2^32-1 up front
try { [].concat(new Array(4294967295), [1]); } catch (e) { console.log(e.name); }
