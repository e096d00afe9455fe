// Parses a GIFT file with gift-pegjs and prints the questions as JSON.
// Usage: node tests/js/parse-gift.js FILE.gift
// Exit 1 with "line:column: message" when the file is not valid GIFT.
"use strict";
const fs = require("fs");
const { parse } = require("gift-pegjs");

const file = process.argv[2];
if (!file) {
  console.error("usage: node parse-gift.js FILE.gift");
  process.exit(2);
}
try {
  process.stdout.write(JSON.stringify(parse(fs.readFileSync(file, "utf8"))));
} catch (error) {
  const where = error.location ? `${error.location.start.line}:${error.location.start.column}: ` : "";
  console.error(`${file}:${where}${error.message}`);
  process.exit(1);
}
