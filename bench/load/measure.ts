/** One autocannon run: requests per second, latency percentiles (every response's, so p95 too) and failures. */
import autocannon, { type Request } from 'autocannon';
import { percentile } from './limits.ts';

export interface Measured {
  perSecond: number;
  total: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** The first status codes other than 2xx seen (to say why a case failed). */
  statuses: Record<string, number>;
}

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  /** Each connection walks this list in turn; `setupRequest` may pick a different request every time. */
  requests: Request[];
  /** Requests per second over all connections (a closed loop without it). */
  overallRate?: number;
}

export async function load(options: LoadOptions): Promise<Measured> {
  const latencies: number[] = [];
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    requests: options.requests,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
  });
  const result = await instance;
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {}))
    if (!code.startsWith('2')) statuses[code] = stat.count;
  return measured(latencies, result.duration, {
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statuses,
  });
}

/** Every answer's latency (ms, any order) over `seconds`, with the failures seen: the case's figures. */
export function measured(
  latencies: number[],
  seconds: number,
  failures: Pick<Measured, 'non2xx' | 'errors' | 'statuses'>,
): Measured {
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / seconds,
    total: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    ...failures,
  };
}
