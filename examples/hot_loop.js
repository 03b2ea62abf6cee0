// hot_loop.js — a small numeric function called in a hot loop, to watch the
// optimizing tier at work. After 1000 calls `poly` is compiled: its
// arguments are small integers, so the graph speculates int32 arithmetic
// (CheckInt32, Int32AddOverflow, Int32MulOverflow) and fold simplifies it.
//
//   build/reef --print-graph --print-after=fold --graph-filter=poly examples/hot_loop.js
//   build/reef --dump-graphs=out --graph-filter=poly examples/hot_loop.js   # then open out/index.html

function poly(x, n) {
  let t = 0;
  for (let i = 0; i < n; i++) {
    t = (t + x * i + 3 * 4) & 0xffff;
  }
  return t;
}

let total = 0;
for (let k = 0; k < 20000; k++) total = (total + poly(k & 127, 8)) | 0;
console.log(total);
