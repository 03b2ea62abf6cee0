// slow: runtime/rt_string.c rt_string_concat copies both sides (flat strings, no ropes): s += x in a loop is O(n^2); 300k appends take ~150 s (release), Node < 0.1 s
var s = "";
for (var i = 0; i < 300000; i++) s += "ab";
console.log(s.length);
