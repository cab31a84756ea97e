import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodError } from 'zod';
import { hasMessage, translate } from './i18n/messages.ts';
import { pickLocale, type Locale } from './i18n/locale.ts';
import { CalendarError } from '../../shared/calendar/index.ts';
import {
  AppError,
  calendarErrorToAppError,
  isStorageFull,
  storageFull,
  type FieldIssue,
} from './app-error.ts';

const ZOD_LOCALES = { vi: z.locales.vi(), en: z.locales.en(), ru: z.locales.ru() } as const;

type ZodIssue = ZodError['issues'][number];

/** Turns zod issues into field issues with localised messages; custom messages written as '@key' are looked up. */
export function localiseZodIssues(issues: readonly ZodIssue[], locale: Locale): FieldIssue[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(body)';
    const custom = issue.message.startsWith('@') ? issue.message.slice(1) : undefined;
    let message: string;
    if (custom && hasMessage(custom)) message = translate(locale, custom);
    else {
      const made = ZOD_LOCALES[locale].localeError?.(issue as never);
      message = typeof made === 'string' ? made : (made?.message ?? issue.message);
    }
    return { path, rule: custom ?? issue.code, message };
  });
}

function localiseIssues(issues: FieldIssue[], locale: Locale): FieldIssue[] {
  return issues.map((i) => ({
    ...i,
    message: i.message.startsWith('@') ? translate(locale, i.message.slice(1)) : i.message,
  }));
}

interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

function body(
  locale: Locale,
  code: string,
  params: Record<string, unknown>,
  details: Record<string, unknown>,
) {
  return { error: { code, message: translate(locale, code, params), details } } satisfies ErrorBody;
}

function validationBody(
  locale: Locale,
  issues: FieldIssue[],
  extra: Record<string, unknown> = {},
): ErrorBody {
  const fields = issues.map((i) => `${i.path} — ${i.message}`).join('; ');
  return body(locale, 'VALIDATION_FAILED', { fields }, { ...extra, issues });
}

function isZodError(e: unknown): e is ZodError {
  return e instanceof z.ZodError;
}

/**
 * Errors Fastify raises before routing (a malformed URL, FST_ERR_BAD_URL): passed to Fastify's `frameworkErrors`
 * option, so they too answer in the project's shape and the user's language.
 */
export function frameworkErrorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const locale = pickLocale(request.headers['accept-language']);
  void reply
    .status(err.statusCode ?? 400)
    .send(body(locale, 'BAD_REQUEST', { reason: err.code ?? 'FST_ERR' }, { fastifyCode: err.code }));
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(
    (thrown: FastifyError | AppError | CalendarError, request: FastifyRequest, reply: FastifyReply) => {
      const locale = pickLocale(request.headers['accept-language']);
      // A full disk anywhere (a file, SQLite's SQLITE_FULL, PostgreSQL's 53100) is 503 STORAGE_FULL, not a 500.
      const err =
        thrown instanceof CalendarError
          ? calendarErrorToAppError(thrown)
          : !(thrown instanceof AppError) && isStorageFull(thrown)
            ? storageFull(thrown)
            : thrown;
      if (err instanceof AppError) {
        if (err.status >= 500 || err.code === 'FILE_MISSING') request.log.error({ err }, err.code);
        for (const [k, v] of Object.entries(err.headers)) void reply.header(k, v);
        if (err.code === 'VALIDATION_FAILED')
          return reply
            .status(400)
            .send(validationBody(locale, localiseIssues(err.issues, locale), err.details));
        return reply.status(err.status).send(body(locale, err.code, err.params, err.details));
      }
      const cause = (err as FastifyError & { cause?: unknown }).cause;
      if (err.validation !== undefined || isZodError(cause)) {
        const zodErr = isZodError(cause) ? cause : undefined;
        const issues = zodErr
          ? localiseZodIssues(zodErr.issues, locale).map((i) => ({
              ...i,
              in: err.validationContext ?? 'body',
            }))
          : [{ path: err.validationContext ?? 'body', rule: 'invalid', message: err.message }];
        return reply.status(400).send(validationBody(locale, issues));
      }
      if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
        return reply.status(415).send(body(locale, 'UNSUPPORTED_MEDIA_TYPE', {}, {}));
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
        return reply.status(413).send(body(locale, 'PAYLOAD_TOO_LARGE', {}, {}));
      if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
        const issues = [{ path: '(body)', rule: 'invalid_json', message: err.message }];
        return reply.status(400).send(validationBody(locale, issues));
      }
      if (err.statusCode === 429)
        return reply.status(429).send(body(locale, 'RATE_LIMITED', { seconds: 60 }, {}));
      // Fastify's other client errors (a malformed URL, a bad header…): the project's shape, their status kept.
      const status = err.statusCode ?? 500;
      if (status >= 400 && status < 500)
        return reply
          .status(status)
          .send(
            body(locale, 'BAD_REQUEST', { reason: err.code ?? String(status) }, { fastifyCode: err.code }),
          );
      request.log.error({ err }, 'unhandled error');
      return reply.status(500).send(body(locale, 'INTERNAL', {}, {}));
    },
  );

  app.setNotFoundHandler((request, reply) => {
    const locale = pickLocale(request.headers['accept-language']);
    const url = request.url.split('?')[0] ?? request.url;
    return reply.status(404).send(body(locale, 'ROUTE_NOT_FOUND', { method: request.method, url }, {}));
  });
}
