// Checks xAPI statements with Learning Locker's validator (@learninglocker/xapi-validation).
// Usage: node validate.mjs FILE.json  (a statement or an array of statements)
// Prints every problem as `statement N: path: message` and exits 1 if there is any, 2 if the
// file cannot be read.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const validate = require('@learninglocker/xapi-validation').default;

const file = process.argv[2];
let data;
try {
  data = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  console.error(`${file}: ${e.message}`);
  process.exit(2);
}
const statements = Array.isArray(data) ? data : [data];
let problems = 0;
statements.forEach((s, i) => {
  for (const w of validate(s)) {
    problems += 1;
    const path = (w.path || []).join('.');
    console.log(`statement ${i + 1} (${s.id}): ${path}: ${w.message || w.constructor.name} ${JSON.stringify(w.data ?? '')}`);
  }
});
console.log(`${statements.length} statements, ${problems} problems`);
process.exit(problems > 0 ? 1 : 0);
