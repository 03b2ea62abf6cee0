// Bit manipulation routines using bitwise operators
function popcount(n) {
  var c = 0;
  n = n >>> 0;
  while (n) { c += n & 1; n >>>= 1; }
  return c;
}
console.log(popcount(0), popcount(255), popcount(-1), popcount(0x55555555));
var a = 12, b = 34;
a ^= b; b ^= a; a ^= b;
console.log(a, b);
function isPow2(n) { return n > 0 && (n & (n - 1)) === 0; }
console.log(isPow2(1), isPow2(64), isPow2(96), isPow2(0));
function toBin(n) {
  var s = "";
  for (var i = 7; i >= 0; i--) s += (n >> i) & 1;
  return s;
}
console.log(toBin(5), toBin(200), toBin(-1));
var flags = 0;
var READ = 1, WRITE = 2, EXEC = 4;
flags |= READ | EXEC;
console.log(flags, (flags & WRITE) !== 0, (flags & EXEC) !== 0);
flags &= ~READ;
console.log(flags);
function hash(s) {
  var h = 0;
  for (var i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
}
console.log(hash("hello"), hash("a much longer string to overflow"));
console.log((0xdeadbeef >>> 16).toString(), (0xdeadbeef & 0xffff) >>> 0);
console.log(~~"7.9", "5" | "2", "12" ^ 5);
