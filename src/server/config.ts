import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { parseRedisUrl } from './platform/redis-client.ts';

/**
 * What differs between a real server and the demo: where the data lives and who can reach the server. The demo's
 * passwords are public, so it keeps its own file and listens on this machine only; a real server (`motcua serve`)
 * listens on every interface, for the counters' PCs on the office network, and never seeds an account.
 */
export const MODE_DEFAULTS = {
  server: { DATABASE_URL: 'sqlite:./data/motcua.db', HOST: '0.0.0.0' },
  demo: { DATABASE_URL: 'sqlite:./data/demo.db', HOST: '127.0.0.1' },
} as const;

export type ConfigMode = keyof typeof MODE_DEFAULTS;

/**
 * SQLite read workers by default: one core is left to the request thread, and two are enough to keep a short
 * dashboard from waiting behind one long province report (1 on a 2-core machine, 2 from 3 cores).
 */
export const DEFAULT_SQLITE_READ_WORKERS = Math.max(1, Math.min(2, availableParallelism() - 1));

const configSchema = (mode: ConfigMode) =>
  z
    .object({
      DATABASE_URL: z
        .string()
        .regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'must start with sqlite: or postgres://')
        .default(MODE_DEFAULTS[mode].DATABASE_URL),
      PORT: z.coerce.number().int().min(0).max(65535).default(3000),
      HOST: z.string().min(1).default(MODE_DEFAULTS[mode].HOST),
      MOTCUA_DEMO_PASSWORD: z.string().min(8).default('motcua-demo'),
      MOTCUA_SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(12),
      /**
       * Which reverse proxies to believe about the client's address and protocol: `false` (none), the number of
       * proxy hops in front of the server (`1` for one nginx), or their addresses (`10.0.0.5,10.0.0.6`, CIDR too).
       * Not `true`: trusting every hop believes an X-Forwarded-For the client wrote itself.
       */
      MOTCUA_TRUST_PROXY: z
        .string()
        .default('false')
        .refine((v) => v !== 'true', 'give the number of proxy hops (e.g. 1) or their addresses, not true')
        .refine(
          (v) => v === 'false' || /^[1-9]\d?$/.test(v) || /^[0-9a-fA-F:./]+(,\s*[0-9a-fA-F:./]+)*$/.test(v),
          'false, a number of proxy hops (1-99), or comma-separated proxy addresses',
        )
        .transform((v): false | number | string[] =>
          v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v.split(',').map((a) => a.trim()),
        ),
      MOTCUA_LOG_LEVEL: z
        .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
        .default('info'),
      /**
       * The address citizens reach the server on (`https://motcua.lamdong.gov.vn`): the QR code and the link on every
       * slip open `<MOTCUA_PUBLIC_URL>/tra-cuu?code=…`. Optional: without it, the address the request for the slip
       * came in on (protocol and host as the server sees them, through the proxies MOTCUA_TRUST_PROXY trusts).
       */
      MOTCUA_PUBLIC_URL: z
        .url({ protocol: /^https?$/ })
        .optional()
        .transform((v) => (v ? v.replace(/\/+$/, '') : undefined)),
      MOTCUA_FILES_DIR: z.string().min(1).default('./data/files'),
      MOTCUA_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(100).default(10),
      /** Below this free space on the files' disk, GET /api/health reports storage `low` (status degraded). */
      MOTCUA_MIN_FREE_MB: z.coerce.number().int().min(0).max(100_000_000).default(200),
      MOTCUA_AGENCY_FALLBACK_PREFIX: z.string().min(1).max(20).default('000.00'),
      /**
       * The render pool (PDF and Excel off the event loop, docs/SECURITY.md "Bounded work"): worker threads, the
       * longest one document may take, each worker's heap, and how many documents may wait for a worker. The
       * largest documents allowed (a 3,000-row register PDF, a 30,000-row register workbook) take 5-20 s and need
       * more than 256 MB on a busy 2-core machine: hence 30 s and 512 MB.
       */
      MOTCUA_RENDER_WORKERS: z.coerce.number().int().min(1).max(8).default(1),
      MOTCUA_RENDER_TIMEOUT_MS: z.coerce.number().int().min(10).max(600_000).default(30_000),
      MOTCUA_RENDER_MEMORY_MB: z.coerce.number().int().min(64).max(4096).default(512),
      MOTCUA_RENDER_QUEUE: z.coerce.number().int().min(0).max(1000).default(20),
      /** The audit log's HMAC key (created at first start, mode 0600); default beside the SQLite file. */
      MOTCUA_AUDIT_KEY_FILE: z.string().min(1).optional(),
      /**
       * Notifications (docs/NOTIFICATIONS.md): email to applicants through this SMTP server, given as one URL
       * (`smtp://user:pass@host:587`, `smtps://…:465`) or by host, port, user and password. Neither: email is off
       * and email notices are recorded `not_sent: no channel`. SMS and Zalo go through an adapter; `log` (SMS's
       * default) writes a log line instead of sending, `none` records the notices as not sent.
       */
      MOTCUA_SMTP_URL: z
        .string()
        .regex(/^smtps?:\/\/\S+$/, 'must start with smtp:// or smtps://')
        .optional(),
      MOTCUA_SMTP_HOST: z.string().min(1).max(255).optional(),
      MOTCUA_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
      MOTCUA_SMTP_USER: z.string().min(1).max(255).optional(),
      MOTCUA_SMTP_PASSWORD: z.string().max(255).optional(),
      MOTCUA_SMTP_FROM: z.string().min(3).max(255).default('MộtCửa <no-reply@localhost>'),
      MOTCUA_SMS_ADAPTER: z.enum(['log', 'none']).default('log'),
      /** docs/NOTIFICATIONS.md "Zalo": off by default; `zns` sends through Zalo OA's ZNS template API. */
      MOTCUA_ZALO_ADAPTER: z.enum(['log', 'none', 'zns']).default('none'),
      MOTCUA_ZALO_ZNS_URL: z
        .url({ protocol: /^https?$/ })
        .default('https://business.openapi.zalo.me/message/template'),
      MOTCUA_ZALO_ACCESS_TOKEN: z.string().min(1).max(2000).optional(),
      /** The OA's approved ZNS template per notice kind: `receipt=123456,result_ready=123457,…`. */
      MOTCUA_ZALO_TEMPLATES: z
        .string()
        .max(2000)
        .regex(/^(\w+=\w+)(,\w+=\w+)*$/, 'kind=templateId pairs separated by commas')
        .optional(),
      /**
       * Signing (docs/SIGNING.md): the key that encrypts the stored signing keys (AES-256-GCM), as 32 bytes in
       * base64, or in a file (MOTCUA_SIGNING_KEY_FILE; the demo creates one beside its database). Never in the database.
       */
      MOTCUA_SIGNING_KEY: z
        .string()
        .refine(
          (v) => Buffer.from(v, 'base64').length === 32,
          'must be 32 bytes in base64 (openssl rand -base64 32)',
        )
        .optional(),
      MOTCUA_SIGNING_KEY_FILE: z.string().min(1).optional(),
      /** A PEM bundle of the root certificates a signature must chain to for "trusted". */
      MOTCUA_TRUSTED_ROOTS: z.string().min(1).optional(),
      /** An RFC 3161 time-stamping service; without it signatures carry the signing time of the PDF (/M). */
      MOTCUA_TSA_URL: z.url({ protocol: /^https?$/ }).optional(),
      /**
       * Signing with a PKCS#11 token or a remote signing service (docs/SIGNING.md, "Token and remote signers"): the
       * JSON file naming, per unit or account, the token or service and where its PIN or access token is read from;
       * and the PKCS#11 module of the entries that name none (the token vendor's .so; default Debian's SoftHSM).
       */
      MOTCUA_SIGNERS_FILE: z.string().min(1).max(4096).optional(),
      MOTCUA_PKCS11_MODULE: z.string().min(1).max(4096).default('/usr/lib/softhsm/libsofthsm2.so'),
      /**
       * Group commit of intakes (platform/group-commit.ts): at most this many concurrent intakes share one
       * transaction (1: each its own), and an idle queue waits this many milliseconds for company (0: none; the
       * intakes that arrive while a batch commits form the next one anyway).
       */
      MOTCUA_GROUP_COMMIT_MAX: z.coerce.number().int().min(1).max(1000).default(64),
      MOTCUA_GROUP_COMMIT_WAIT_MS: z.coerce.number().int().min(0).max(100).default(0),
      /**
       * SQLite file databases only, and without DATABASE_REPLICA_URL: the reports, dashboards and the register and
       * catalog exports run their SQL in this many worker threads, each with a read-only connection to the file
       * (db/sqlite-worker-dialect.ts), so a long report never stalls the requests on the main connection. 0: they
       * read on the main connection, as PostgreSQL without a replica does.
       */
      MOTCUA_SQLITE_READ_WORKERS: z.coerce.number().int().min(0).max(8).default(DEFAULT_SQLITE_READ_WORKERS),
      /**
       * Redis (`redis://[[user]:password@]host:port/db`, no TLS) for the limits several servers share: the sign-in
       * throttle and the portal's guarding limits (platform/redis-limits.ts). Unset: they are shared through the
       * database on PostgreSQL, kept in memory on SQLite. When Redis does not answer they are decided in the database.
       */
      MOTCUA_REDIS_URL: z
        .string()
        .superRefine((v, ctx) => {
          try {
            parseRedisUrl(v);
          } catch (e) {
            ctx.addIssue({ code: 'custom', message: (e as Error).message });
          }
        })
        .optional(),
      /**
       * PostgreSQL only: a streaming replica that serves the reports and dashboards (docs/OPERATIONS.md), so the
       * heavy reads never load the primary. Its lag is shown with every report.
       */
      DATABASE_REPLICA_URL: z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
        .optional(),
    })
    .refine(
      (c) => c.MOTCUA_ZALO_ADAPTER !== 'zns' || (c.MOTCUA_ZALO_ACCESS_TOKEN && c.MOTCUA_ZALO_TEMPLATES),
      {
        path: ['MOTCUA_ZALO_ADAPTER'],
        message: 'zns needs MOTCUA_ZALO_ACCESS_TOKEN and MOTCUA_ZALO_TEMPLATES',
      },
    );

export type AppConfig = z.infer<ReturnType<typeof configSchema>>;

/**
 * Reads and validates the environment once; fails fast with a readable message. `mode` picks the defaults of
 * DATABASE_URL and HOST (MODE_DEFAULTS); a value set in the environment always wins.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, mode: ConfigMode = 'server'): AppConfig {
  const parsed = configSchema(mode).safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
