// console.log of sparse arrays shows empty item counts
console.log([, 1]);
console.log([1, , 3]);
console.log([1, , , , 5]);
console.log([, ,]);
var a = [];
a[2] = "x";
console.log(a);
var b = [1, 2];
b.length = 4;
console.log(b);
var c = [1, 2, 3];
delete c[1];
console.log(c);
console.log([undefined, , undefined]);
console.log(new Array(3));
