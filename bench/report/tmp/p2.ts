import { readFileSync } from 'node:fs';
import { forEachLine } from '../../../src/server/legacy/read-lines.ts';
import { validateLegacyLine } from '../../../src/server/legacy/legacy.format.ts';
import { deriveHistory } from '../../../src/server/legacy/legacy.history.ts';
const f = process.argv[2]!;
async function main() {
let t = Date.now();
let n = await forEachLine(f, () => {});
console.log('readline sync cb', n, Date.now() - t); t = Date.now();
n = await forEachLine(f, async () => {});
console.log('readline async cb', n, Date.now() - t); t = Date.now();
const lines = readFileSync(f, 'utf8').split('\n').filter(Boolean);
console.log('read+split', Date.now() - t); t = Date.now();
for (const l of lines) JSON.parse(l);
console.log('parse', Date.now() - t); t = Date.now();
const vals = lines.map((l, i) => validateLegacyLine(l, i + 1));
console.log('validate', Date.now() - t); t = Date.now();
for (const v of vals) if (v.ok) deriveHistory(v.value);
console.log('derive', Date.now() - t); t = Date.now();
}
main();
