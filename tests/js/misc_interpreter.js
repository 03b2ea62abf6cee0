// A tiny stack-machine interpreter exercising switch, arrays and closures
function run(program) {
  var stack = [], out = [], pc = 0, vars = {};
  while (pc < program.length) {
    var ins = program[pc++];
    switch (ins[0]) {
      case "push": stack.push(ins[1]); break;
      case "add": stack.push(stack.pop() + stack.pop()); break;
      case "mul": stack.push(stack.pop() * stack.pop()); break;
      case "sub": { var b = stack.pop(), a = stack.pop(); stack.push(a - b); break; }
      case "dup": stack.push(stack[stack.length - 1]); break;
      case "store": vars[ins[1]] = stack.pop(); break;
      case "load": stack.push(vars[ins[1]]); break;
      case "jz": if (stack.pop() === 0) pc = ins[1]; break;
      case "jmp": pc = ins[1]; break;
      case "print": out.push(stack.pop()); break;
      default: throw new Error("bad op " + ins[0]);
    }
  }
  return out;
}
var factorial = [
  ["push", 1], ["store", "acc"], ["push", 6], ["store", "n"],
  ["load", "n"], ["jz", 15],
  ["load", "acc"], ["load", "n"], ["mul"], ["store", "acc"],
  ["load", "n"], ["push", 1], ["sub"], ["store", "n"],
  ["jmp", 4],
  ["load", "acc"], ["print"],
];
console.log(run(factorial));
console.log(run([["push", 2], ["dup"], ["mul"], ["print"], ["push", "a"], ["push", "b"], ["add"], ["print"]]));
try {
  run([["nope"]]);
} catch (e) {
  console.log(e.message);
}
