// A finally block runs before an uncaught error terminates the program
function runStep() {
  try {
    console.log("in try");
    throw new TypeError("bad input");
  } finally {
    console.log("finally ran");
  }
}
runStep();
