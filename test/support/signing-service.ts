import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * A small remote signing service speaking the contract of docs/SIGNING.md ("Remote signing service"), for tests: it
 * holds its own keys, checks the bearer token, and signs what it is sent. `script` lets a test make it misbehave
 * (hang, answer 503, answer garbage) for chosen requests.
 */
export interface ServiceKey {
  keyPem: string;
  algorithm: 'RSA-SHA256' | 'ECDSA-P256-SHA256';
  /** DER, the key's own first. */
  certificates: Uint8Array[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export type Reply = { status: number; body: string; headers?: Record<string, string> } | 'hang';

export interface TestSigningService {
  url: string;
  requests: RecordedRequest[];
  /** Answers a request instead of the service when it returns a reply. */
  script: ((request: RecordedRequest) => Reply | undefined) | undefined;
  close(): Promise<void>;
}

export async function startTestSigningService(options: {
  token: string;
  keys: Record<string, ServiceKey>;
  tls?: { keyPem: string; certPem: string };
}): Promise<TestSigningService> {
  const keys = new Map<string, ServiceKey & { key: KeyObject }>(
    Object.entries(options.keys).map(([id, k]) => [id, { ...k, key: createPrivateKey(k.keyPem) }]),
  );
  const service: TestSigningService = { url: '', requests: [], script: undefined, close: async () => {} };

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string) => {
    const url = new URL(req.url ?? '/', 'http://service');
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      return json(res, 400, { error: 'invalid JSON' });
    }
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const recorded: RecordedRequest = {
      method: req.method ?? '',
      path,
      query: url.searchParams,
      headers: req.headers,
      body,
    };
    service.requests.push(recorded);
    const scripted = service.script?.(recorded);
    if (scripted === 'hang') return; // never answers
    if (scripted) {
      res.writeHead(scripted.status, { 'content-type': 'application/json', ...scripted.headers });
      return res.end(scripted.body);
    }
    if (req.headers.authorization !== `Bearer ${options.token}`)
      return json(res, 401, { error: 'unauthorized' });
    if (req.method === 'GET' && path === '/certificates') {
      const key = keys.get(url.searchParams.get('keyId') ?? '');
      if (!key) return json(res, 404, { error: 'unknown key' });
      return json(res, 200, {
        algorithm: key.algorithm,
        certificates: key.certificates.map((c) => Buffer.from(c).toString('base64')),
      });
    }
    if (req.method === 'POST' && path === '/sign') {
      const { keyId, algorithm, data } = (body ?? {}) as {
        keyId?: string;
        algorithm?: string;
        data?: string;
      };
      const key = keys.get(keyId ?? '');
      if (!key) return json(res, 404, { error: 'unknown key' });
      if (algorithm !== key.algorithm || typeof data !== 'string')
        return json(res, 400, { error: 'bad request' });
      // RSA: PKCS#1 v1.5; ECDSA: Node's default DER Ecdsa-Sig-Value, as the contract asks.
      const signature = sign('sha256', Buffer.from(data, 'base64'), key.key);
      return json(res, 200, { signature: signature.toString('base64') });
    }
    return json(res, 404, { error: 'no such route' });
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  };
  const server = options.tls
    ? createHttpsServer({ key: options.tls.keyPem, cert: options.tls.certPem }, listener)
    : createHttpServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  service.url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}/api/v1`;
  service.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return service;
}
