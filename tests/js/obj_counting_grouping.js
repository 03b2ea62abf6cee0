// Using objects as dictionaries for counting and grouping
var text = "to be or not to be that is the question";
var freq = {};
text.split(" ").forEach(function (w) { freq[w] = (freq[w] || 0) + 1; });
console.log(freq);
var people = [
  { name: "ann", dept: "eng" },
  { name: "bob", dept: "ops" },
  { name: "cy", dept: "eng" },
  { name: "di", dept: "hr" },
];
var byDept = {};
for (var i = 0; i < people.length; i++) {
  var d = people[i].dept;
  if (!(d in byDept)) byDept[d] = [];
  byDept[d].push(people[i].name);
}
console.log(byDept);
var letters = {};
for (var ch of "hello") letters[ch] = letters[ch] ? letters[ch] + 1 : 1;
console.log(letters);
var keys = Object.keys(byDept);
console.log(keys.length, keys.indexOf("hr"));
var inverted = {};
for (var k in letters) inverted[letters[k]] = (inverted[letters[k]] || "") + k;
console.log(inverted);
