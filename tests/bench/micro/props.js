// props.js — named property loads and stores on objects of a few shapes.
class Vec { constructor(x, y) { this.x = x; this.y = y; } }
function run(n) {
  const pts = [];
  for (let i = 0; i < 64; i++) pts.push(i % 2 ? new Vec(i, -i) : { x: i, y: i, z: 0 });
  let sx = 0, sy = 0;
  for (let k = 0; k < n; k++) {
    const p = pts[k & 63];
    sx += p.x;
    sy += p.y;
    p.x = p.y + 1;
  }
  return sx + sy;
}
console.log(run(20000000));
