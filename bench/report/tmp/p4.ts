import { readFileSync } from 'node:fs';
import { validateLegacyLine } from '../../../src/server/legacy/legacy.format.ts';
const lines = readFileSync(process.argv[2]!, 'utf8').split('\n').filter(Boolean);
for (let k = 0; k < 3; k++) {
  const t = Date.now();
  for (let i = 0; i < lines.length; i++) validateLegacyLine(lines[i]!, i + 1);
  console.log('validate', Date.now() - t);
}
