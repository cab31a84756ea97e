import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../../../src/server/db/connect.ts';
import { migrateToLatest } from '../../../src/server/db/migrate.ts';
import { importLegacyDossiers } from '../../../src/server/legacy/legacy.import.ts';
import { insertReportUnits } from '../../../src/server/legacy/legacy.fixtures.ts';
async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'prof-'));
  const h = await connect(`sqlite:${join(dir, 'b.db')}`);
  await migrateToLatest(h.db);
  const codes = Array.from({ length: 124 }, (_, i) => String(25000 + i));
  await insertReportUnits(h.db, [{ code: '68', name: 'LĐ', provinceCode: '68', type: 'province' }, ...codes.map((c) => ({ code: c, name: 'Xã ' + c, provinceCode: '68', type: 'commune' }))], []);
  const t = Date.now();
  const r = await importLegacyDossiers(h.db, process.argv[2]!, { onProgress: (ph, p) => { if (p.lines % 100000 === 0) console.log(ph, p.lines, Date.now() - t); } });
  console.log('import total', Date.now() - t, r.status, r.status === 'imported' ? r.imported : r.errors.slice(0, 3));
  await h.close();
}
main();
