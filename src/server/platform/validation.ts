import type { FastifySchemaCompiler } from 'fastify';
import type { ZodType } from 'zod';

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
