// Number formatting inside console.log containers and at top level
console.log(-0, [-0], { z: -0 });
console.log(0, [0]);
console.log(NaN, [NaN]);
console.log(1e21, [1e21]);
console.log(123456789012345680000);
console.log([0.1, 0.2, 0.1 + 0.2]);
console.log({ big: 2 ** 53, small: 2 ** -20 });
console.log([Infinity, -Infinity]);
console.log(-1e-7, 1.5e300);
console.log(5e-324, 1.7976931348623157e308);
