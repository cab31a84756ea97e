/**
 * The project's cases: what a counter, a leader, a province and a citizen send, with the sessions and sample
 * dossiers they need, read from the running server before the clock starts.
 */
import type { Request } from 'autocannon';
import { BENCH_PASSWORD, BENCH_PROVINCE, BENCH_UNIT } from './prepare.ts';

export const PERIOD = { from: '2026-03-01', to: '2026-03-31' };

export interface Fixture {
  counter: string;
  leader: string;
  province: string;
  /** Dossiers of the bench commune (codes) with their lookup digits. */
  samples: { code: string; verify: string }[];
  /** The cursor of a page deep in the queue (page `deepPage`). */
  deepCursor: string;
  deepPage: number;
}

const CLIENTS = 60_000;
/** A different client address per request (through MOTCUA_TRUST_PROXY=1), as thousands of citizens would be. */
const someAddress = (): string => {
  const n = Math.floor(Math.random() * CLIENTS);
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

async function signIn(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': someAddress() },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  const cookie = /motcua_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
  if (!res.ok || !cookie) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`);
  return cookie;
}

interface QueuePage {
  items: { code: string }[];
  nextCursor: string | null;
}

/** Imported dossiers carry ID numbers `068` + their line number (bench/report/generate.ts) and no phone. */
const verifyOfImported = (code: string): string => code.slice(-4);

export async function fixture(url: string, deepPage: number): Promise<Fixture> {
  const counter = await signIn(url, 'tiepnhan.dilinh');
  const leader = await signIn(url, 'lanhdao.dilinh');
  const province = await signIn(url, 'tinh.lamdong');
  const page = async (cursor: string | null): Promise<QueuePage> => {
    const q = new URLSearchParams({ unit: BENCH_UNIT, tab: 'all', limit: '50' });
    if (cursor) q.set('cursor', cursor);
    const res = await fetch(`${url}/api/dossiers?${q}`, { headers: { cookie: leader } });
    if (!res.ok) throw new Error(`queue: ${res.status} ${await res.text()}`);
    return (await res.json()) as QueuePage;
  };
  const samples: Fixture['samples'] = [];
  let cursor: string | null = null;
  let reached = 0;
  // Past `deepPage` until there are imported dossiers to sample (an earlier intake run puts its own first).
  for (let i = 0; i < deepPage || (samples.length < 20 && i < 400); i += 1) {
    const p = await page(cursor);
    for (const d of p.items)
      if (d.code.startsWith('BENCH-')) samples.push({ code: d.code, verify: verifyOfImported(d.code) });
    if (!p.nextCursor) break;
    cursor = p.nextCursor;
    reached = i + 1;
  }
  if (!cursor || samples.length === 0) throw new Error('the bench commune has too few dossiers');
  return { counter, leader, province, samples, deepCursor: cursor, deepPage: reached };
}

const json = (cookie: string) => ({ cookie, 'content-type': 'application/json' });
const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)] as T;

export const intakeBody = (): string =>
  JSON.stringify({
    procedureCode: '1.004873',
    channel: 'direct',
    unitCode: BENCH_UNIT,
    applicant: {
      kind: 'person',
      name: 'Nguyễn Văn An',
      idNumber: '068090001234',
      phone: '0912345678',
      address: 'Thôn 1, Xã Di Linh, Lâm Đồng',
    },
    decision: 'receive',
    paper: false,
  });

export interface Case {
  name: string;
  /** Which limit the case is divided by. */
  limit: 'get' | 'post' | 'tx';
  requests(f: Fixture): Request[];
}

const get = (path: (f: Fixture) => string, cookie?: (f: Fixture) => string) => (f: Fixture) => [
  {
    method: 'GET',
    setupRequest: (r: Request) => ({
      ...r,
      path: path(f),
      headers: { ...(cookie ? { cookie: cookie(f) } : {}), 'x-forwarded-for': someAddress() },
    }),
  },
];

const report = (unit: string) =>
  `/api/reports/period?${new URLSearchParams({ unit, from: PERIOD.from, to: PERIOD.to })}`;

export const CASES: Case[] = [
  {
    name: 'intake (POST /api/dossiers)',
    limit: 'tx',
    requests: (f) => [
      { method: 'POST', path: '/api/dossiers', headers: json(f.counter), body: intakeBody() },
    ],
  },
  {
    name: 'dossier read (GET /api/dossiers/:code)',
    limit: 'get',
    requests: get(
      (f) => `/api/dossiers/${encodeURIComponent(pick(f.samples).code)}`,
      (f) => f.counter,
    ),
  },
  {
    name: 'queue, first page',
    limit: 'get',
    requests: get(
      () => `/api/dossiers?unit=${BENCH_UNIT}&tab=all&limit=50`,
      (f) => f.leader,
    ),
  },
  {
    name: 'queue, a later page',
    limit: 'get',
    requests: get(
      (f) => `/api/dossiers?unit=${BENCH_UNIT}&tab=all&limit=50&cursor=${encodeURIComponent(f.deepCursor)}`,
      (f) => f.leader,
    ),
  },
  {
    name: 'public lookup (GET /api/public/dossiers/:code)',
    limit: 'get',
    requests: get((f) => {
      const s = pick(f.samples);
      return `/api/public/dossiers/${encodeURIComponent(s.code)}?verify=${s.verify}`;
    }),
  },
  {
    name: 'login (argon2id by design)',
    limit: 'post',
    requests: () => [
      {
        method: 'POST',
        path: '/api/auth/login',
        setupRequest: (r: Request) => ({
          ...r,
          headers: { 'content-type': 'application/json', 'x-forwarded-for': someAddress() },
          body: JSON.stringify({ username: 'chuyenvien.dilinh', password: BENCH_PASSWORD }),
        }),
      },
    ],
  },
  {
    name: 'period report, commune',
    limit: 'get',
    requests: get(
      () => report(BENCH_UNIT),
      (f) => f.leader,
    ),
  },
  {
    name: 'period report, province',
    limit: 'get',
    requests: get(
      () => report(BENCH_PROVINCE),
      (f) => f.province,
    ),
  },
];

/**
 * The 2,000 users' mix, by what a province's day looks like: counters and leaders live in the queue (it refreshes
 * after every action, and the web app polls its counts), open dossiers from it, receive and act less often than
 * they look; citizens look up their dossiers. Per 100 requests: 40 queue pages, 10 tab counts, 20 dossier reads,
 * 15 public lookups, 10 intakes, 5 actions (withdrawing a dossier received earlier in the run).
 */
export const MIX = { queue: 40, counts: 10, read: 20, lookup: 15, intake: 10, action: 5 } as const;

export function mixedRequests(f: Fixture): Request[] {
  const received: string[] = [];
  const weights = Object.entries(MIX) as [keyof typeof MIX, number][];
  const choose = (): keyof typeof MIX => {
    let r = Math.random() * 100;
    for (const [k, w] of weights) if ((r -= w) < 0) return k;
    return 'queue';
  };
  return [
    {
      setupRequest: (r: Request) => {
        let kind = choose();
        if (kind === 'action' && received.length === 0) kind = 'intake';
        const ip = { 'x-forwarded-for': someAddress() };
        const s = pick(f.samples);
        switch (kind) {
          case 'queue':
            return {
              ...r,
              method: 'GET',
              path: `/api/dossiers?unit=${BENCH_UNIT}&tab=all&limit=50`,
              headers: { cookie: f.leader },
              body: undefined,
            };
          case 'counts':
            return {
              ...r,
              method: 'GET',
              path: `/api/dossiers/counts?unit=${BENCH_UNIT}`,
              headers: { cookie: f.counter },
              body: undefined,
            };
          case 'read':
            return {
              ...r,
              method: 'GET',
              path: `/api/dossiers/${encodeURIComponent(s.code)}`,
              headers: { cookie: f.counter },
              body: undefined,
            };
          case 'lookup':
            return {
              ...r,
              method: 'GET',
              path: `/api/public/dossiers/${encodeURIComponent(s.code)}?verify=${s.verify}`,
              headers: ip,
              body: undefined,
            };
          case 'intake':
            return {
              ...r,
              method: 'POST',
              path: '/api/dossiers',
              headers: json(f.counter),
              body: intakeBody(),
            };
          case 'action': {
            const code = received.pop() as string;
            return {
              ...r,
              method: 'POST',
              path: `/api/dossiers/${encodeURIComponent(code)}/actions`,
              headers: json(f.counter),
              body: JSON.stringify({ type: 'withdraw', reason: 'Người nộp rút hồ sơ' }),
            };
          }
        }
      },
      onResponse: (status: number, body: string) => {
        if (status === 201 && received.length < 10_000) {
          const code = /"code":"([^"]+)"/.exec(body)?.[1];
          if (code) received.push(code);
        }
      },
    },
  ];
}
