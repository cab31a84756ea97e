/**
 * Test helper: reads back what a pdfmake/pdfkit PDF says, without poppler. Inflates the streams, maps each
 * font's glyph ids to Unicode through its ToUnicode CMap, and joins the shown strings of every TJ/Tj in order
 * (pdfmake draws each word with its trailing space, so words stay apart; table cells run together).
 * It understands the PDFs this folder writes (Identity-H fonts), not PDFs in general.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const s = pdf.toString('latin1');
  const found = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\b/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const end = s.indexOf('endobj', m.index);
    const body = s.slice(m.index + m[0].length, end);
    const at = body.indexOf('stream');
    if (at < 0) {
      found.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const start = body[at + 6] === '\r' ? at + 8 : at + 7;
    const raw = Buffer.from(body.slice(start, body.lastIndexOf('endstream')), 'latin1');
    const dict = body.slice(0, at);
    found.set(Number(m[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
  }
  return found;
}

const utf16 = (hex: string): string => Buffer.from(hex, 'hex').swap16().toString('utf16le');

/** Glyph id (4 hex digits) → text, from a ToUnicode CMap. */
function cmap(text: string): Map<string, string> {
  const map = new Map<string, string>();
  const hexAt = (n: number) => n.toString(16).padStart(4, '0');
  for (const [, lo, hi, list] of text.matchAll(/<([0-9a-f]{4})>\s*<([0-9a-f]{4})>\s*\[([^\]]*)\]/gi)) {
    const values = [...list!.matchAll(/<([0-9a-f]*)>/gi)].map((x) => utf16(x[1]!)); // <> = no text, keeps its place
    for (let g = parseInt(lo!, 16), i = 0; g <= parseInt(hi!, 16); g += 1, i += 1)
      map.set(hexAt(g), values[i] ?? '');
  }
  for (const [, src, dst] of text.matchAll(/^<([0-9a-f]{4})>\s*<([0-9a-f]+)>\s*$/gim))
    map.set(src!.toLowerCase(), utf16(dst!));
  return map;
}

/** The text of the whole document, in drawing order, with whitespace collapsed. */
export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  const fonts = new Map<string, Map<string, string>>();
  for (const o of objs.values()) {
    for (const [, name, ref] of o.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objs.get(Number(ref))?.dict ?? '');
      const cm = toUnicode ? objs.get(Number(toUnicode[1]))?.stream : null;
      if (cm && !fonts.has(name!)) fonts.set(name!, cmap(cm.toString('latin1')));
    }
  }
  let out = '';
  for (const o of objs.values()) {
    if (!o.stream || !/\bTf\b/.test(o.stream.toString('latin1'))) continue;
    let font = new Map<string, string>();
    const ops = /\/(F\d+) [\d.]+ Tf|\[([^\]]*)\]\s*TJ|<([0-9a-f]*)>\s*Tj/gi;
    for (const [, name, array, single] of o.stream.toString('latin1').matchAll(ops)) {
      if (name) font = fonts.get(name) ?? new Map();
      const hexes =
        array !== undefined
          ? [...array.matchAll(/<([0-9a-f]*)>/gi)].map((x) => x[1]!)
          : single !== undefined
            ? [single]
            : [];
      for (const hex of hexes)
        for (let i = 0; i + 4 <= hex.length; i += 4) out += font.get(hex.slice(i, i + 4).toLowerCase()) ?? '';
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** The number of pages (page objects, not the page tree). */
export const pdfPageCount = (pdf: Buffer): number =>
  (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

/** The MediaBox of the first page, [width, height] in pt. */
export function pdfPageSize(pdf: Buffer): [number, number] {
  const m = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}
