import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';

export { verificationUrl } from './result.url.ts';

/**
 * The draft with the verification QR drawn at the bottom left of its first page (2 cm square, in the margin),
 * before it is signed: the signature then covers the QR too.
 */
export async function stampVerificationQr(pdf: Uint8Array, url: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const png = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
  const image = await doc.embedPng(png);
  const page = doc.getPage(0);
  const size = 56; // points: about 2 cm
  const { x, y } = page.getCropBox();
  page.drawImage(image, { x: x + 18, y: y + 18, width: size, height: size });
  return doc.save({ useObjectStreams: false });
}
