/**
 * Printable documents: the forms of one dossier (PDF) and the register of a commune (PDF or Excel).
 * Signed in only; a dossier outside the officer's scope does not exist (404); a form that does not fit the
 * dossier's history is 409 RULE_VIOLATION 'document.not_applicable'. Every document issued is audited.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../accounts/auth.hook.ts';
import type { AppInstance } from '../platform/types.ts';
import { resolvePeriod } from '../platform/period.ts';
import {
  auditDocument,
  auditRegister,
  dossierFormJob,
  loadDossierDocumentInput,
  loadRegister,
  MAX_REGISTER_ROWS,
} from './document.service.ts';
import { requireForm } from './document.data.ts';
import { DOSSIER_FORMS, type DossierForm } from './document.types.ts';
import type { DossierRow } from '../dossiers/dossier.table.ts';
import { XLSX_CONTENT_TYPE as XLSX_TYPE } from '../platform/content-types.ts';
import { asBuffer } from '../platform/worker-pool.ts';

export const PDF_TYPE = 'application/pdf';

export interface DocumentRouteOptions {
  /** Base of the public lookup URL in the QR codes (`<base>/tra-cuu?code=…`). */
  publicBaseUrl?: string;
}

const ZCodeParams = z.object({ code: z.string().min(1).max(64) });
const ZRegisterQuery = z.object({
  unit: z
    .string()
    .regex(/^\d{5}$/, '@rule.communeCode')
    .optional()
    .describe('Commune code (default: yours)'),
  from: z.string().max(10).describe('YYYY-MM-DD, local date (UTC+7), inclusive'),
  to: z.string().max(10).describe('YYYY-MM-DD, local date (UTC+7), inclusive'),
});

function sendFile(
  reply: FastifyReply,
  bytes: Buffer,
  type: string,
  fileName: string,
  disposition: 'inline' | 'attachment',
) {
  return reply
    .header('content-type', type)
    .header('content-disposition', `${disposition}; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(bytes);
}

/** The configured base URL: the option, else MOTCUA_PUBLIC_URL; undefined when neither is set. */
function publicBaseUrlOf(app: AppInstance, options: DocumentRouteOptions): string | undefined {
  const configured = (app.config as Partial<Record<string, unknown>>).MOTCUA_PUBLIC_URL;
  return options.publicBaseUrl ?? (typeof configured === 'string' && configured ? configured : undefined);
}

/**
 * The address the request came in on: protocol and host as Fastify sees them (X-Forwarded-Proto and
 * X-Forwarded-Host only from the proxies MOTCUA_TRUST_PROXY trusts).
 */
export const requestOrigin = (request: FastifyRequest): string => `${request.protocol}://${request.host}`;

/**
 * Forms 02-05 are the centre's notices to the applicant (supplement request, refusal, apology with a new date, stop):
 * signed with the unit's key when the unit has one (docs/SIGNING.md "In the app"); unsigned otherwise. The receipt
 * and the control sheet are records the applicant signs or the centre keeps, not notices.
 */
const SIGNED_NOTICES: ReadonlySet<DossierForm> = new Set<DossierForm>([
  'supplement',
  'refusal',
  'extension',
  'stop',
]);

async function signNotice(
  app: AppInstance,
  dossier: DossierRow,
  title: string,
  pdf: Buffer,
): Promise<Buffer> {
  const who = await app.signing.signerFor(app.db, { unitCode: dossier.unit_code });
  if (!who) return pdf;
  const signed = await app.signing.signPdf(new Uint8Array(pdf), who.signer, {
    signedAt: new Date(app.clock.now()),
    signerName: who.name,
    unitName: who.name,
    reason: title,
    dossierCode: dossier.code,
  });
  return Buffer.from(signed);
}

function dossierDocumentRoutes(app: AppInstance, configuredBaseUrl: string | undefined): void {
  for (const form of Object.keys(DOSSIER_FORMS) as DossierForm[]) {
    const spec = DOSSIER_FORMS[form];
    app.get(
      `/api/dossiers/:code/documents/${spec.file}.pdf`,
      {
        schema: {
          tags: ['documents'],
          description: `Mẫu số ${spec.number}: ${spec.title} (PDF). 409 when the form does not apply to the dossier.`,
          params: ZCodeParams,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const input = await loadDossierDocumentInput(
          app.db,
          actor,
          request.params.code,
          configuredBaseUrl ?? requestOrigin(request),
          app.clock.now(),
        );
        requireForm(form, input); // the rule that lists the dossier's forms (dossier.forms.ts): 409 otherwise
        const { job, fileName } = dossierFormJob(input, form);
        const rendered = asBuffer(await app.render.run('dossier-form', job)); // off the event loop
        const bytes = SIGNED_NOTICES.has(form)
          ? await signNotice(app, input.dossier, spec.title, rendered)
          : rendered;
        await auditDocument(app.db, actor, input.dossier, form, request.ip, app.clock.now());
        return sendFile(reply, bytes, PDF_TYPE, fileName, 'inline');
      },
    );
  }
}

function registerRoutes(app: AppInstance): void {
  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(
      `/api/registers/dossiers.${format}`,
      {
        schema: {
          tags: ['documents'],
          description: `Mẫu số 07: Sổ theo dõi hồ sơ of a commune, dossiers received from \`from\` to \`to\` (${format.toUpperCase()}).`,
          querystring: ZRegisterQuery,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const period = resolvePeriod(request.query.from, request.query.to);
        const unitCode = request.query.unit ?? actor.unitCode;
        // A pure read of up to 30,000 dossiers: app.reportDb (SQLite read workers or the replica), not the request thread.
        const register = await loadRegister(app.reportDb, actor, {
          unitCode,
          fromMs: period.fromMs,
          endMs: period.endMs,
          now: app.clock.now(),
          maxRows: MAX_REGISTER_ROWS[format],
        });
        const { data } = register;
        const bytes = asBuffer(await app.render.run(`register-${format}`, data)); // off the event loop
        const details = { from: period.from, to: period.to, format, rows: data.rows.length };
        await auditRegister(
          app.db,
          actor,
          register.unitCode,
          register.provinceCode,
          details,
          request.ip,
          app.clock.now(),
        );
        const fileName = `mau-07-so-theo-doi-${register.unitCode}-${period.from}-${period.to}.${format}`;
        return sendFile(
          reply,
          bytes,
          format === 'pdf' ? PDF_TYPE : XLSX_TYPE,
          fileName,
          format === 'pdf' ? 'inline' : 'attachment',
        );
      },
    );
  }
}

/** Routes with explicit options (tests, embedding). */
export function documentRoutesWith(options: DocumentRouteOptions = {}): (app: AppInstance) => Promise<void> {
  return async (app) => {
    dossierDocumentRoutes(app, publicBaseUrlOf(app, options));
    registerRoutes(app);
  };
}

export async function documentRoutes(app: AppInstance): Promise<void> {
  await documentRoutesWith()(app);
}
