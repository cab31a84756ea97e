import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { CachedStatements } from './statement-cache.ts';
import { connect, type DbHandle } from './connect.ts';

interface T {
  items: { id: number; name: string; unit: string };
}

function open(max?: number) {
  const sqlite = new SQLite(':memory:');
  sqlite.exec('create table items (id integer primary key, name text not null, unit text not null)');
  const insert = sqlite.prepare('insert into items (id, name, unit) values (?, ?, ?)');
  for (let i = 1; i <= 50; i += 1) insert.run(i, `item ${i}`, i % 2 ? 'A' : 'B');
  const cache = new CachedStatements(sqlite, max);
  const cached = new Kysely<T>({ dialect: new SqliteDialect({ database: cache }) });
  const plain = new Kysely<T>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { sqlite, cache, cached, plain };
}

const byUnit = (db: Kysely<T>, unit: string, after: number) =>
  db.selectFrom('items').selectAll().where('unit', '=', unit).where('id', '>', after).orderBy('id').execute();

describe('CachedStatements (the SQLite driver keeps prepared statements)', () => {
  let handle: DbHandle | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
  });

  it('returns the same rows as preparing every time, with other parameters each call', async () => {
    const { cache, cached, plain } = open();
    for (const [unit, after] of [
      ['A', 0],
      ['B', 10],
      ['A', 40],
      ['B', 49],
    ] as const)
      expect(await byUnit(cached, unit, after)).toEqual(await byUnit(plain, unit, after));
    // One text, prepared once and found three times.
    expect(cache.misses).toBe(1);
    expect(cache.hits).toBe(3);
  });

  it('reports writes (changes, insert id) from a cached statement', async () => {
    const { cached, sqlite } = open();
    for (let i = 0; i < 3; i += 1) {
      const r = await cached
        .updateTable('items')
        .set({ name: sql<string>`name || '!'` })
        .where('unit', '=', 'A')
        .executeTakeFirst();
      expect(r.numUpdatedRows).toBe(25n);
    }
    expect(sqlite.prepare('select name from items where id = 1').get()).toEqual({ name: 'item 1!!!' });
  });

  it('is bounded: beyond its size the least recently used statement is dropped', async () => {
    const { cache, cached } = open(3);
    const q = (n: number) => sql.raw(`select ${n} as n`).execute(cached);
    await q(1);
    await q(2);
    await q(3);
    await q(1); // 1 is now the most recent: 2 is the oldest
    await q(4);
    expect(cache.size).toBe(3);
    const misses = cache.misses;
    await q(1);
    await q(3);
    await q(4);
    expect(cache.misses).toBe(misses); // all three still cached
    await q(2);
    expect(cache.misses).toBe(misses + 1); // 2 had been evicted
    expect(cache.size).toBe(3);
  });

  it('sees a schema change made after a statement was cached', async () => {
    const { cached, sqlite } = open();
    const all = () => cached.selectFrom('items').selectAll().where('id', '=', 1).execute();
    expect(await all()).toEqual([{ id: 1, name: 'item 1', unit: 'A' }]);
    sqlite.exec("alter table items add column note text not null default 'n'");
    expect(await all()).toEqual([{ id: 1, name: 'item 1', unit: 'A', note: 'n' }]);
  });

  it('is what connect() gives a SQLite database', async () => {
    handle = await connect('sqlite::memory:');
    expect(handle.statements).toBeInstanceOf(CachedStatements);
    await sql`select 1`.execute(handle.db);
    await sql`select 1`.execute(handle.db);
    expect(handle.statements?.hits).toBeGreaterThanOrEqual(1);
  });
});
