// let and const are block scoped and shadow outer bindings
let x = "outer";
{
  let x = "inner";
  console.log(x);
  {
    const x = "innermost";
    console.log(x);
  }
  console.log(x);
}
console.log(x);
if (true) {
  let y = 1;
  var z = 2;
}
console.log(typeof y, z);
for (let i = 0; i < 2; i++) {
  let i = "shadowed";
  console.log(i);
}
console.log(typeof i);
let counter = 0;
{
  counter++;
  let counter2 = counter * 10;
  console.log(counter2);
}
console.log(counter);
switch (1) {
  case 1: {
    let s = "case-scoped";
    console.log(s);
  }
}
