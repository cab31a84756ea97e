/**
 * Many users, each thinking between requests: an open-loop load (issue 14, "2,000 mixed users").
 *
 * autocannon's `overallRate` releases each second's requests together at the start of the second, so 2,000
 * "users" at 400 requests/s arrive as one burst of 400 a second: a bare Fastify server already shows a p95 over
 * 100 ms that way (measured: 121 ms at 2,000 users), which is the client's shape, not the server's. Here each
 * request is sent at its own instant: arrivals are a Poisson process of rate users / thinkSeconds (the sum of
 * independent users each sending every `thinkSeconds` on average), each request goes to a random user, and each
 * user has its own keep-alive connection (a browser's), so a user whose previous request is still out waits for it.
 * A request's latency counts from the instant it was due, not from when the client got round to sending it, so a
 * slow server is not hidden by a late client (coordinated omission).
 */
import { Agent, request as httpRequest } from 'node:http';
import { measured, type Measured } from './measure.ts';

export interface UserRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface UsersOptions {
  url: string;
  users: number;
  seconds: number;
  /** A user's average pause between two requests, in seconds. */
  thinkSeconds: number;
  /** The next request (what a user sends now). */
  next: () => UserRequest;
  /** Each answer (status and body), e.g. to remember the dossiers received. */
  onResponse?: (status: number, body: string) => void;
  /** Each answer's latency with the request it answered (per-kind figures). */
  onLatency?: (request: UserRequest, ms: number) => void;
}

export async function users(options: UsersOptions): Promise<Measured> {
  const base = new URL(options.url);
  const agents = Array.from({ length: options.users }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
  const rate = options.users / options.thinkSeconds;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let non2xx = 0;
  let errors = 0;
  const pending = new Set<Promise<void>>();

  const send = (due: number) => {
    const spec = options.next();
    const agent = agents[Math.floor(Math.random() * agents.length)] as Agent;
    const done = new Promise<void>((resolve) => {
      const req = httpRequest(
        {
          host: base.hostname,
          port: base.port,
          method: spec.method,
          path: spec.path,
          agent,
          headers: {
            ...(spec.headers ?? {}),
            ...(spec.body === undefined ? {} : { 'content-length': Buffer.byteLength(spec.body) }),
          },
          timeout: 30_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const ms = performance.now() - due;
            latencies.push(ms);
            options.onLatency?.(spec, ms);
            const status = res.statusCode ?? 0;
            if (status < 200 || status >= 300) {
              non2xx += 1;
              statuses[status] = (statuses[status] ?? 0) + 1;
            }
            options.onResponse?.(status, Buffer.concat(chunks).toString('utf8'));
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors += 1;
        resolve();
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.end(spec.body);
    });
    pending.add(done);
    void done.then(() => pending.delete(done));
  };

  const start = performance.now();
  const end = start + options.seconds * 1000;
  let due = start;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (due <= now && due < end) {
        send(due);
        due += -Math.log(1 - Math.random()) * (1000 / rate);
      }
      if (due >= end) return resolve();
      setTimeout(tick, Math.max(0, Math.min(due - performance.now(), 5)));
    };
    tick();
  });
  await Promise.all(pending);
  for (const a of agents) a.destroy();
  return measured(latencies, options.seconds, { non2xx, errors, statuses });
}
