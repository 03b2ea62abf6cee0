// Unary + and - conversions
console.log(+"", +" ", +"\n42\t");
console.log(+true, +false, +null, +undefined);
console.log(+[], +[5], +["7"], +[1, 2]);
console.log(+{}, +"0b11", +"0o7", +"0x10");
console.log(-"5", -"-5", -"", -null);
console.log(- -1, -(-2));
console.log(-"abc");
var x = "3";
console.log(+x + +x);
console.log(x + x);
console.log(-0 === +0);
console.log(+"1e1000", -"1e1000");
console.log(+".5", +"5.", +"+5", +"1_000");
