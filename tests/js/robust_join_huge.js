// robust_join_huge.js — joining an array whose separators alone exceed the string limit fails at once.
try { Array(2 ** 32 - 1).join("x"); } catch (e) { console.log(e.name, e.message); }
try { new Array(2 ** 31).join("ab"); } catch (e) { console.log(e.name, e.message); }
console.log([1, , 3].join("-"));
