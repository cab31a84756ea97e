import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { constants as zlibConstants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import Fastify, { LogController, type FastifyInstance, type FastifySerializerCompiler } from 'fastify';
import { jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { AppConfig } from './config.ts';
import type { DialectName } from './db/connect.ts';
import type { Database } from './db/schema.ts';
import { dialectOf } from './db/dialect.ts';
import { installAuth } from './accounts/auth.hook.ts';
import { installPublicRequestLimit, installSignInGate } from './accounts/public-routes.ts';
import { frameworkErrorHandler, installErrorHandler } from './platform/error-handler.ts';
import { installNoStore } from './platform/no-store.ts';
import { installNulGuard } from './platform/nul-guard.ts';
import type { AppInstance } from './platform/types.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { installPlainTextGuard, zodValidatorCompiler } from './platform/validation.ts';
import { responseSerializerCompiler } from './platform/response-serializer.ts';
import { FileStore, type StoreFileSystem } from './attachments/file-store.ts';
import { GroupCommitter } from './platform/group-commit.ts';
import { DbLimitStore } from './platform/shared-limits.ts';
import { openSharedLimits, type SharedLimits } from './platform/redis-limits.ts';
import { API_DOCS_CSP, installSecurityHeaders } from './platform/security-headers.ts';
import { VERSION } from './platform/version.ts';
import { WorkerPool } from './platform/worker-pool.ts';
import { renderPoolOptions, type RenderJobs } from './render/render.jobs.ts';
import { accountRoutes } from './accounts/account.routes.ts';
import { accountLeaveRoutes } from './accounts/account.leave.routes.ts';
import { attachmentRoutes } from './attachments/attachment.routes.ts';
import { auditReviewRoutes } from './audit-review/audit-review.routes.ts';
import { calendarRoutes } from './calendar/calendar.routes.ts';
import { signingRoutes } from './signing/signing.routes.ts';
import { dossierRoutes } from './dossiers/dossier.routes.ts';
import { dossierQueueRoutes } from './dossiers/dossier.queue.routes.ts';
import { dossierReassignRoutes } from './dossiers/dossier.reassign.routes.ts';
import { documentRoutes } from './documents/document.routes.ts';
import { procedureRoutes } from './procedures/procedure.routes.ts';
import { procedureOverrideRoutes } from './procedures/procedure-override.routes.ts';
import { procedureRoutingRoutes } from './procedures/procedure-routing.routes.ts';
import { portalRoutes, templateAdminRoutes } from './portal/portal.routes.ts';
import { reportRoutes } from './reports/report.routes.ts';
import { petitionRoutes } from './petitions/petition.routes.ts';
import { taskRoutes } from './tasks/task.routes.ts';
import { receptionRoutes } from './reception/reception.routes.ts';
import { notificationRoutes } from './notifications/notification.routes.ts';
import { healthRoutes } from './health/health.routes.ts';
import { unitRoutes } from './units/unit.routes.ts';
import { webRoutes } from './web/web.routes.ts';
import { installRequestLog, serializeRequest } from './platform/request-log.ts';
import { resultRoutes } from './results/result.routes.ts';
import { resultPublicRoutes } from './results/result.public.routes.ts';
import { configuredSigning, type ResultSigning } from './results/result.signing.ts';
import { approvalSigning, type ApprovalSigning } from './results/result.approval.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    dialect: DialectName;
    config: AppConfig;
    /** The one source of time: every route passes `app.clock.now()` to its service. */
    clock: Clock;
    /**
     * Where the heavy pure reads go (reports, dashboards, the register and catalog exports): the replica of
     * DATABASE_REPLICA_URL (db/replica.ts); on a SQLite file, read-only connections in worker threads
     * (db/sqlite-worker-dialect.ts, MOTCUA_SQLITE_READ_WORKERS); else `db` itself.
     */
    reportDb: Kysely<Database>;
    /** Whether `reportDb` is a PostgreSQL replica (its lag is then sent with every report). */
    readsReplica: boolean;
    /**
     * Where the sign-in throttle and the portal's guarding limits keep their counters: Redis (MOTCUA_REDIS_URL,
     * falling back to the database), the database on PostgreSQL, or this process's memory (platform/redis-limits.ts).
     */
    limits: SharedLimits;
    /** Intakes' transactions, grouped (platform/group-commit.ts); drained when the app closes. */
    intakeCommits: GroupCommitter;
    /** The attachment files (content-addressed, under MOTCUA_FILES_DIR). */
    files: FileStore;
    /** PDF and Excel work, off the event loop (render/render.worker.ts); closed with the app. */
    render: WorkerPool<RenderJobs>;
    /** Who signs a unit's results and how; verification against the trusted roots (results/result.signing.ts). */
    signing: ResultSigning;
    /** Approval's signing of the draft result (results/result.approval.ts), for the dossiers' routes. */
    approvalSigning: ApprovalSigning;
    /**
     * Every route as registered (onRoute, from the first plugin on), `HEAD` twins included: the authorisation
     * matrix (test/security/authorization-matrix.test.ts) fails on a route that has no entry in its policy table.
     */
    routeTable: readonly RouteEntry[];
  }
}

export interface RouteEntry {
  method: string;
  url: string;
}

export interface BuildAppOptions {
  db: Kysely<Database>;
  dialect: DialectName;
  config: AppConfig;
  logger?: boolean;
  /** Where log lines go when `logger` is on (standard output when omitted); tests read them. */
  logStream?: NodeJS.WritableStream;
  /**
   * Where reports and dashboards read: a PostgreSQL read replica (DATABASE_REPLICA_URL) or SQLite read workers
   * (db/sqlite-worker-dialect.ts); `db` when omitted. Its owner closes it after the app.
   */
  reportDb?: Kysely<Database>;
  /** Defaults to the machine's clock; tests pass a fixed one. */
  clock?: Clock;
  /** The attachment store's file operations: Node's by default; tests pass failing ones (a full disk). */
  fileSystem?: StoreFileSystem;
  /** Signing of results and notices; tests pass their own signer. */
  signing?: ResultSigning;
  /** The prefix of the app's Redis keys (`motcua:`); tests give each their own. */
  redisPrefix?: string;
  /**
   * Writes the answers: each route's zod response schema compiled (platform/response-serializer.ts) by default;
   * the serializer tests pass one that runs the zod serializer beside it and compares.
   */
  serializerCompiler?: FastifySerializerCompiler<unknown>;
}

/**
 * Every feature's routes, each registered as an encapsulated Fastify plugin (`app.register`): a content-type
 * parser, hook or decorator a feature adds applies to its own routes only. What all share (db, clock, config,
 * auth hook, error handler) is set on the root before.
 */
const FEATURES: ((app: AppInstance) => Promise<void>)[] = [
  healthRoutes,
  accountRoutes,
  accountLeaveRoutes,
  unitRoutes,
  calendarRoutes,
  procedureRoutes,
  procedureOverrideRoutes,
  procedureRoutingRoutes,
  dossierRoutes,
  dossierQueueRoutes,
  dossierReassignRoutes,
  attachmentRoutes,
  resultRoutes,
  documentRoutes,
  reportRoutes,
  petitionRoutes,
  taskRoutes,
  notificationRoutes,
  auditReviewRoutes,
  signingRoutes,
  receptionRoutes,
  portalRoutes,
  templateAdminRoutes,
  resultPublicRoutes,
  webRoutes,
];

/**
 * MOTCUA_TRUST_PROXY for Fastify: a hop count trusts that many proxies nearest the server (hop 0 is the socket's
 * peer), so the client address is the one the outermost trusted proxy saw, never one the client wrote itself.
 */
/**
 * Answers of 1 KB or more in a compressible type (JSON, the web app's scripts and styles; not PDFs or workbooks,
 * already compressed) go out compressed when the client accepts it: a 29 KB queue page becomes ~1 KB. Brotli at
 * quality 4 and gzip at level 5: nearly the best ratio on JSON for a fraction of the CPU of their maximums.
 */
const COMPRESS_OPTIONS = {
  global: true,
  threshold: 1024,
  encodings: ['br', 'gzip'] as ('br' | 'gzip')[],
  brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
  zlibOptions: { level: 5 },
};

function trustProxyOption(setting: false | number | string[]) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger
      ? {
          level: options.config.MOTCUA_LOG_LEVEL,
          serializers: { req: serializeRequest },
          ...(options.logStream ? { stream: options.logStream } : {}),
        }
      : false,
    // One line per request (installRequestLog below), not Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: trustProxyOption(options.config.MOTCUA_TRUST_PROXY),
    bodyLimit: 1_048_576,
    frameworkErrors: frameworkErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('db', options.db);
  app.decorate('dialect', options.dialect);
  app.decorate('reportDb', options.reportDb ?? options.db);
  // A replica is a separate PostgreSQL database; SQLite's read workers read the very file `db` writes (no lag).
  app.decorate('readsReplica', options.reportDb !== undefined && dialectOf(options.reportDb) === 'postgres');
  app.decorate('config', options.config);
  app.decorate('clock', options.clock ?? systemClock);
  const intakeCommits = new GroupCommitter(options.db, options.dialect, {
    maxItems: options.config.MOTCUA_GROUP_COMMIT_MAX,
    maxWaitMs: options.config.MOTCUA_GROUP_COMMIT_WAIT_MS,
  });
  app.decorate('intakeCommits', intakeCommits);
  const limits = openSharedLimits({
    database: new DbLimitStore(options.db),
    sharesDatabase: options.dialect === 'postgres',
    redisUrl: options.config.MOTCUA_REDIS_URL,
    log: app.log,
    prefix: options.redisPrefix,
  });
  app.decorate('limits', limits);
  app.addHook('onClose', () => limits.close());
  app.addHook('onClose', () => intakeCommits.drain());
  app.decorate('files', new FileStore(options.config.MOTCUA_FILES_DIR, options.fileSystem));
  app.decorate('signing', options.signing ?? configuredSigning(options.config));
  app.decorate('approvalSigning', approvalSigning);
  // JSON only (1 MB, bodyLimit above): no route reads text/plain, and the routes that take files add their own
  // parser and limit (attachments, the procedure catalog's XLSX); anything else is 415 before the body is read.
  app.removeContentTypeParser('text/plain');
  const render = new WorkerPool<RenderJobs>(renderPoolOptions(options.config));
  app.decorate('render', render);
  app.addHook('onClose', () => render.close());
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url });
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(options.serializerCompiler ?? responseSerializerCompiler());
  installErrorHandler(app);
  installRequestLog(app);
  installNoStore(app);
  // An anonymous caller of a route that needs a session is 401 before any input check (accounts/public-routes.ts).
  installSignInGate(app);
  installNulGuard(app);

  installPlainTextGuard(app);

  await app.register(fastifyCompress, COMPRESS_OPTIONS);
  installSecurityHeaders(app);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'MộtCửa API', description: 'One-stop administrative service centre', version: VERSION },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'motcua_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    // swagger-ui's own page: the one place where inline styles are allowed (API_DOCS_CSP).
    staticCSP: API_DOCS_CSP,
  });
  installAuth(app);
  installPublicRequestLimit(app); // after installAuth: it reads the session
  for (const feature of FEATURES) await app.register(feature);
  return app;
}
