// A finally block runs before an uncaught error terminates the program
function task() {
  try {
    console.log("in try");
    throw new TypeError("bad input");
  } finally {
    console.log("finally ran");
  }
}
task();
