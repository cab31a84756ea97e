/**
 * The PDF side of a signature: a signature field and widget on the last page, the /Sig dictionary with a zeroed
 * /Contents placeholder and a /ByteRange to fill, written with pdf-lib (no object streams, so the dictionary is plain
 * text in the file), then the ByteRange and the CMS put into those bytes. The dossier code and result id are keys of
 * the /Sig dictionary, inside the signed range.
 */
import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString, rgb } from 'pdf-lib';

/** Room for the CMS: the chain (2-4 certificates), the signature and a timestamp token with the TSA's chain. */
export const CONTENTS_BYTES = 24_576;
const BYTE_RANGE_PLACEHOLDER = '[ 0 9999999999 9999999999 9999999999 ]';
export const DOSSIER_KEY = 'MotCuaDossierCode';
export const RESULT_ID_KEY = 'MotCuaResultId';

export interface FieldOptions {
  signedAt: Date;
  signerName: string;
  unitName: string;
  reason?: string;
  location?: string;
  dossierCode?: string;
  resultId?: string;
  visible: boolean;
}

let tinos: Buffer | undefined;
function tinosFont(): Buffer {
  if (!tinos) {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('@expo-google-fonts/tinos/package.json'));
    tinos = readFileSync(join(dir, '400Regular/Tinos_400Regular.ttf'));
  }
  return tinos;
}

const VN_OFFSET_MS = 7 * 3600 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

/** dd/MM/yyyy HH:mm:ss +07:00, Vietnam's time (Decree 30/2020, Appendix I: time with the time zone). */
export function formatSigningTime(at: Date): string {
  const d = new Date(at.getTime() + VN_OFFSET_MS);
  return (
    `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +07:00`
  );
}

/** A PDF date string in Vietnam's time: D:YYYYMMDDHHmmSS+07'00'. */
export function pdfDate(at: Date): string {
  const d = new Date(at.getTime() + VN_OFFSET_MS);
  return (
    `D:${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}+07'00'`
  );
}

/** The instant of a PDF date string (D:YYYYMMDDHHmmSS with Z, +HH'mm' or nothing, read as UTC). */
export function parsePdfDate(text: string): Date | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(text);
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', tz] = m;
  let offsetMin = 0;
  if (tz && tz !== 'Z') {
    const sign = tz.startsWith('-') ? -1 : 1;
    const digits = tz.replace(/[^0-9]/g, '');
    offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
  }
  const ms =
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offsetMin * 60_000;
  return Number.isFinite(ms) ? new Date(ms) : null;
}

const BLOCK = { width: 220, height: 52, margin: 28, fontSize: 9.5 } as const;

/**
 * Adds the signature field (and the visible block) and saves with a /Contents placeholder. Returns the bytes with the
 * ByteRange filled and the offsets of the placeholder's hex digits.
 */
export async function preparePdf(
  pdf: Uint8Array,
  options: FieldOptions,
): Promise<{ bytes: Uint8Array; contentsStart: number; contentsEnd: number }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pages = doc.getPages();
  const page = pages[pages.length - 1];
  if (!page) throw new Error('the PDF has no page');
  const { width } = page.getSize();
  let rect = [0, 0, 0, 0];
  if (options.visible) {
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont(tinosFont(), { subset: false });
    const x = width - BLOCK.margin - BLOCK.width;
    const y = BLOCK.margin;
    rect = [x, y, x + BLOCK.width, y + BLOCK.height];
    const blue = rgb(0, 0, 0.8);
    page.drawRectangle({
      x,
      y,
      width: BLOCK.width,
      height: BLOCK.height,
      borderColor: blue,
      borderWidth: 0.8,
    });
    const lines = [
      `Ký bởi: ${options.signerName}`,
      `Cơ quan: ${options.unitName}`,
      `Thời gian ký: ${formatSigningTime(options.signedAt)}`,
    ];
    lines.forEach((line, i) => {
      page.drawText(line, {
        x: x + 6,
        y: y + BLOCK.height - 15 - i * 14,
        size: BLOCK.fontSize,
        font,
        color: blue,
        maxWidth: BLOCK.width - 12,
      });
    });
  }

  const { context } = doc;
  const text = (value: string) => PDFHexString.fromText(value);
  const sig = context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    ByteRange: [0, 9999999999, 9999999999, 9999999999],
    Contents: PDFHexString.of('0'.repeat(CONTENTS_BYTES * 2)),
    M: PDFString.of(pdfDate(options.signedAt)),
    Name: text(options.signerName),
  });
  if (options.reason) sig.set(PDFName.of('Reason'), text(options.reason));
  if (options.location) sig.set(PDFName.of('Location'), text(options.location));
  if (options.dossierCode) sig.set(PDFName.of(DOSSIER_KEY), text(options.dossierCode));
  if (options.resultId) sig.set(PDFName.of(RESULT_ID_KEY), text(options.resultId));
  const sigRef = context.register(sig);

  const acroForm = doc.getForm().acroForm.dict;
  const fields = acroForm.lookup(PDFName.of('Fields'), PDFArray);
  const appearance = context.register(
    context.stream('', {
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, rect[2]! - rect[0]!, rect[3]! - rect[1]!],
    }),
  );
  const widget = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: text(`Signature${fields.size() + 1}`),
    V: sigRef,
    F: 132, // Print + Locked
    Rect: rect,
    P: page.ref,
    AP: { N: appearance },
  });
  const widgetRef = context.register(widget);
  fields.push(widgetRef);
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  page.node.addAnnot(widgetRef);

  const bytes = await doc.save({
    useObjectStreams: false,
    addDefaultPage: false,
    updateFieldAppearances: false,
  });
  return fillByteRange(bytes);
}

function fillByteRange(bytes: Uint8Array): { bytes: Uint8Array; contentsStart: number; contentsEnd: number } {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const placeholder = `<${'0'.repeat(CONTENTS_BYTES * 2)}>`;
  const contentsStart = latin1.lastIndexOf(placeholder);
  const rangeAt = latin1.lastIndexOf(BYTE_RANGE_PLACEHOLDER);
  if (contentsStart < 0 || rangeAt < 0) throw new Error('signature placeholder not found in the saved PDF');
  const contentsEnd = contentsStart + placeholder.length;
  const range = `[ 0 ${contentsStart} ${contentsEnd} ${bytes.length - contentsEnd} ]`;
  const out = new Uint8Array(bytes);
  out.set(Buffer.from(range.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' '), 'latin1'), rangeAt);
  return { bytes: out, contentsStart, contentsEnd };
}

/** The bytes the signature covers: everything but the /Contents hex string. */
export function byteRangeContent(bytes: Uint8Array, range: readonly number[]): Uint8Array {
  const [a = 0, b = 0, c = 0, d = 0] = range;
  const out = new Uint8Array(b + d);
  out.set(bytes.subarray(a, a + b), 0);
  out.set(bytes.subarray(c, c + d), b);
  return out;
}
