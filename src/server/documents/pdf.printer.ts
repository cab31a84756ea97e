/**
 * pdfmake on the server with the Tinos fonts (metric-compatible with Times New Roman, full Vietnamese), and the
 * QR code images. The fonts are read once; rendering is in memory.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PdfPrinter from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces.js';
import QRCode from 'qrcode';

export const FONT = 'Tinos';

const FONT_FILES = {
  normal: '400Regular/Tinos_400Regular.ttf',
  bold: '700Bold/Tinos_700Bold.ttf',
  italics: '400Regular_Italic/Tinos_400Regular_Italic.ttf',
  bolditalics: '700Bold_Italic/Tinos_700Bold_Italic.ttf',
} as const;

let printer: PdfPrinter | undefined;

type FontkitCreate = (buffer: Buffer, family?: string) => unknown;

/**
 * pdfkit parses each font again for every document (fontkit.create), and the first text shaping of a parsed
 * font costs ~100 ms (GSUB/GPOS tables of a full Vietnamese font): ~500 ms of blocked event loop per slip.
 * The parse of our own font buffers is therefore shared between documents (~80 ms per slip). One piece of a
 * parsed font is per-document state: its glyph cache, whose glyphs carry the characters they were first made
 * for (the ToUnicode map, i.e. copy and search, comes from them), and the subsetter of the previous document
 * fills it with component glyphs that have none. So every document starts with an empty glyph cache; pdfkit
 * opens fonts during the synchronous layout, so no other document runs in between. If pdfkit's layout ever
 * changes, this silently does nothing and fonts are parsed per document, slower but correct.
 */
function shareParsedFonts(buffers: Set<Buffer>): void {
  const require = createRequire(import.meta.url);
  try {
    const pdfkitEntry = createRequire(require.resolve('pdfmake')).resolve('@foliojs-fork/pdfkit');
    const fontkit = createRequire(pdfkitEntry)('@foliojs-fork/fontkit') as { create?: FontkitCreate };
    const create = fontkit.create;
    if (typeof create !== 'function') return;
    const parsed = new Map<string, { _glyphs?: unknown }>();
    const order = [...buffers];
    fontkit.create = (buffer, family) => {
      if (!buffers.has(buffer)) return create.call(fontkit, buffer, family);
      const key = `${order.indexOf(buffer)}:${family ?? ''}`;
      let font = parsed.get(key);
      if (!font) {
        font = create.call(fontkit, buffer, family) as { _glyphs?: unknown };
        if (typeof font._glyphs !== 'object') return font; // not the fontkit we know: do not share
        parsed.set(key, font);
      }
      font._glyphs = {};
      return font;
    };
  } catch {
    // pdfkit or fontkit not where expected: fonts are parsed per document, which is slower but correct.
  }
}

function getPrinter(): PdfPrinter {
  if (printer) return printer;
  const dir = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/tinos/package.json'));
  const buffers = new Set<Buffer>();
  const load = (file: string): Buffer => {
    const buffer = readFileSync(join(dir, file));
    buffers.add(buffer);
    return buffer;
  };
  const fonts: TFontDictionary = {
    [FONT]: {
      normal: load(FONT_FILES.normal),
      bold: load(FONT_FILES.bold),
      italics: load(FONT_FILES.italics),
      bolditalics: load(FONT_FILES.bolditalics),
    },
  };
  shareParsedFonts(buffers);
  printer = new PdfPrinter(fonts);
  return printer;
}

/** Renders a document definition to the bytes of a PDF file. */
export function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  const doc = getPrinter().createPdfKitDocument(definition);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** A PNG data URL of the QR code of a URL (medium error correction: survives a smudged print). */
export function qrDataUrl(url: string): Promise<string> {
  return QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
}
