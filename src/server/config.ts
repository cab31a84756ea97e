import { z } from 'zod';

const ZConfig = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'must start with sqlite: or postgres://')
    .default('sqlite:./data/motcua.db'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  MOTCUA_DEMO_PASSWORD: z.string().min(8).default('motcua-demo'),
  MOTCUA_SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  MOTCUA_TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  MOTCUA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MOTCUA_PUBLIC_URL: z.url().default('http://localhost:3000'),
  MOTCUA_FILES_DIR: z.string().min(1).default('./data/files'),
  MOTCUA_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(100).default(10),
  MOTCUA_AGENCY_FALLBACK_PREFIX: z.string().min(1).max(20).default('000.00'),
  /** The audit log's HMAC key (created at first start, mode 0600); default beside the SQLite file. */
  MOTCUA_AUDIT_KEY_FILE: z.string().min(1).optional(),
});

export type AppConfig = z.infer<typeof ZConfig>;

/** Reads and validates the environment once; fails fast with a readable message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = ZConfig.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
