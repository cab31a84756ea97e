/** Helpers for tests of result documents: PDFs and a dossier taken to the leader's approval through the API. */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { TestApp } from './app.ts';
import { buildIntake } from './dossiers.ts';

/** A one-page PDF with a line of text. */
export async function makePdf(text = 'Kết quả giải quyết'): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText(
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd'),
    {
      x: 72,
      y: 760,
      size: 14,
      font,
    },
  );
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** The same PDF declaring an encryption dictionary in its trailer (what a password-protected file has). */
export async function makeEncryptedPdf(): Promise<Buffer> {
  const text = (await makePdf()).toString('latin1');
  return Buffer.from(
    text.replace(/trailer\s*<</, 'trailer\n<<\n/Encrypt << /Filter /Standard /V 2 /R 3 >>'),
    'latin1',
  );
}

export interface Cookies {
  counter: string;
  specialist: string;
  otherSpecialist: string;
  leader: string;
}

export async function loginAll(h: TestApp): Promise<Cookies> {
  return {
    counter: await h.login('tiepnhan.dilinh'),
    specialist: await h.login('chuyenvien.a'),
    otherSpecialist: await h.login('chuyenvien.b'),
    leader: await h.login('lanhdao.dilinh'),
  };
}

export async function act(h: TestApp, cookie: string, code: string, body: Record<string, unknown>) {
  const res = await h.app.inject({
    method: 'POST',
    url: `/api/dossiers/${code}/actions`,
    payload: body,
    headers: { cookie },
  });
  return res;
}

/** A dossier received at the counter and assigned to chuyenvien.a (processing). */
export async function processingDossier(
  h: TestApp,
  c: Cookies,
  applicant: Partial<ReturnType<typeof buildIntake>['applicant']> = {},
): Promise<string> {
  const intake = buildIntake();
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/dossiers',
    payload: { ...intake, applicant: { ...intake.applicant, ...applicant } },
    headers: { cookie: c.counter },
  });
  if (res.statusCode !== 201) throw new Error(`intake: ${res.statusCode} ${res.body}`);
  const code = res.json<{ code: string }>().code;
  const assigned = await act(h, c.leader, code, { type: 'assign', assignee: 'chuyenvien.a' });
  if (assigned.statusCode !== 200) throw new Error(`assign: ${assigned.statusCode} ${assigned.body}`);
  return code;
}

export function uploadDraft(h: TestApp, cookie: string, code: string, bytes: Buffer) {
  return h.app.inject({
    method: 'POST',
    url: `/api/dossiers/${code}/result`,
    payload: bytes,
    headers: { cookie, 'content-type': 'application/pdf' },
  });
}

/** Processing → draft uploaded by the specialist → submitted for approval. */
export async function dossierAwaitingApproval(h: TestApp, c: Cookies, draft?: Buffer): Promise<string> {
  const code = await processingDossier(h, c);
  const up = await uploadDraft(h, c.specialist, code, draft ?? (await makePdf()));
  if (up.statusCode !== 201) throw new Error(`upload: ${up.statusCode} ${up.body}`);
  const sent = await act(h, c.specialist, code, { type: 'submit_for_approval' });
  if (sent.statusCode !== 200) throw new Error(`submit: ${sent.statusCode} ${sent.body}`);
  return code;
}
