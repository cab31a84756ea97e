import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import type { ZodType } from 'zod';
import { AppError, instantField, invalidField } from './app-error.ts';
import './limits.messages.ts';

/**
 * Validates with zod, keeping the ZodError as the cause so the error handler can name each field and
 * localise the rule. Inputs are reported to the handler only, never echoed to the client.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    const error = Object.assign(new Error('validation failed'), { cause: result.error });
    return { error };
  };

// ---- Text: control and bidi characters -------------------------------------------------------------------------

/** C0 controls other than tab, line feed and carriage return; DEL; C1 controls. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Bidi embeddings, overrides and isolates: they make text display in another order than it is stored. */
const BIDI_OVERRIDE = /[\u202A-\u202E\u2066-\u2069]/;
/** Line and paragraph breaks and tabs: refused in one-line values (names, titles, file names). */
const BREAKS = /[\t\n\r\u2028\u2029]/;
/** The directional marks: Vietnamese, English and Russian text never needs them in a name. */
const BIDI_MARK = /[\u200E\u200F]/;

/** Multi-line text (contents, notes, reasons): no control character but tab and new line, no bidi override. */
export const isPlainText = (s: string): boolean => !CONTROL.test(s) && !BIDI_OVERRIDE.test(s);

/** One-line text (person, user and unit names, titles, file names): besides, no break, tab or bidi mark. */
export const isPlainLine = (s: string): boolean => isPlainText(s) && !BREAKS.test(s) && !BIDI_MARK.test(s);

/**
 * The refinement for a name, title or file name: `z.string()...refine(...PLAIN_LINE)`. A 400 names the field and
 * says that control and text-direction characters are not allowed.
 */
export const PLAIN_LINE = [isPlainLine, '@rule.plainLine'] as const;

/** The refinement for multi-line text: `z.string()...refine(...PLAIN_TEXT)`. */
export const PLAIN_TEXT = [isPlainText, '@rule.plainText'] as const;

/** The first string under `value` (a body or query) that is not plain text, as a dotted path; undefined if none. */
export function findUnplainText(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return isPlainText(value) ? undefined : path || '(body)';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findUnplainText(value[i], path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      const found = findUnplainText(v, path ? `${path}.${k}` : k);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Every JSON body and query string of every route: no control character (but tab and new line) and no bidi
 * override anywhere, before the route's own schema runs. The schemas add the stricter one-line rule on names.
 */
export function installPlainTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [where, value] of [
      ['query', request.query],
      ['body', request.body],
    ] as const) {
      const path = findUnplainText(value);
      if (path)
        throw new AppError('VALIDATION_FAILED', {
          issues: [{ path, rule: 'rule.plainText', message: '@rule.plainText' }],
          details: { in: where },
        });
    }
  });
}

// ---- Dates: bounds -------------------------------------------------------------------------------------------------

/** The same instant one calendar year later (29 February goes to 1 March): pure arithmetic, no clock read. */
export function oneYearAfter(instant: number): number {
  const d = new Date(instant);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.getTime();
}

export interface InstantBounds {
  /** Inclusive. */
  min?: number;
  /** Inclusive. */
  max?: number;
  /** The message key of a value out of the bounds; default '@rule.dateRange'. */
  message?: string;
}

/**
 * An ISO 8601 instant from a request field within the bounds (never outside the calendar's years, 1990-2100), or a
 * 400 naming the field.
 */
export function boundedInstantField(value: string, path: string, bounds: InstantBounds): number {
  const at = instantField(value, path);
  if ((bounds.min !== undefined && at < bounds.min) || (bounds.max !== undefined && at > bounds.max))
    throw invalidField(path, 'rule.dateRange', bounds.message ?? '@rule.dateRange');
  return at;
}
