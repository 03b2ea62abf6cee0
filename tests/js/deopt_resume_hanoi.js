// deopt_resume_hanoi.js — Towers of Hanoi logging each move: a call run twice
// after a lazy deoptimization shows as a repeated run of moves.
var moves = [];
function move(f, t) { moves.push(f * 10 + t); }
function hanoi(disks, from, to) {
    if (disks === 1) { move(from, to); return; }
    const other = 3 - from - to;
    hanoi(disks - 1, from, other);
    move(from, to);
    hanoi(disks - 1, other, to);
}
hanoi(6, 0, 1);
console.log(moves.length, moves.join(","));
