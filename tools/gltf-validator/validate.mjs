// Validates glTF files with the Khronos glTF validator (npm package gltf-validator).
// Usage: node validate.mjs [--json] FILE... — prints one line per file (errors, warnings,
// infos) and each message, or with --json one JSON object per file and line ({file, messages:
// [{code, severity, pointer, message}]}, severity 0 error to 3 hint; what `praxis validate`
// reads); exits 1 if any file has an error, 2 if a file cannot be read.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import validator from 'gltf-validator';

let failed = false;
const json = process.argv[2] === '--json';
const files = process.argv.slice(json ? 3 : 2);
if (files.length === 0) {
  console.error('usage: node validate.mjs FILE...');
  process.exit(2);
}
for (const file of files) {
  let bytes;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    console.error(`${file}: cannot read: ${e.message}`);
    process.exit(2);
  }
  const report = await validator.validateBytes(bytes, {
    uri: path.basename(file),
    maxIssues: 100,
    externalResourceFunction: () => Promise.reject(new Error('external resources are not allowed')),
  });
  const { numErrors, numWarnings, numInfos, messages } = report.issues;
  if (numErrors > 0) failed = true;
  if (json) {
    console.log(JSON.stringify({
      file,
      messages: messages.map((m) => ({
        code: m.code, severity: m.severity, pointer: m.pointer ?? '', message: m.message,
      })),
    }));
    continue;
  }
  console.log(`${file}: ${numErrors} errors, ${numWarnings} warnings, ${numInfos} infos`);
  for (const m of messages) {
    const sev = ['error', 'warning', 'info', 'hint'][m.severity] ?? m.severity;
    console.log(`  ${sev} ${m.code} ${m.pointer ?? ''}: ${m.message}`);
  }
}
process.exit(failed ? 1 : 0);
