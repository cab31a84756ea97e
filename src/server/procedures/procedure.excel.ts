import ExcelJS from 'exceljs';
import { WorkerInputError } from '../platform/worker-host.ts';
import type { CatalogProcedure } from './catalog-data/catalog.types.ts';

const COLUMNS = [
  { header: 'Mã thủ tục', key: 'code', width: 14 },
  { header: 'Tên thủ tục', key: 'name', width: 60 },
  { header: 'Lĩnh vực', key: 'field', width: 22 },
  { header: 'Thẩm quyền', key: 'competence', width: 12 },
  { header: 'Cơ quan có thẩm quyền', key: 'competentAgency', width: 30 },
  { header: 'Thời hạn', key: 'limitValue', width: 9 },
  { header: 'Đơn vị thời hạn', key: 'limitUnit', width: 14 },
  { header: 'Giờ chốt', key: 'limitCutoff', width: 9 },
  { header: 'Thời hạn vùng miền núi, biên giới, hải đảo, khó khăn (JSON)', key: 'areaLimit', width: 40 },
  { header: 'Lệ phí (đồng)', key: 'feeAmount', width: 12 },
  { header: 'Lệ phí (mô tả)', key: 'feeText', width: 30 },
  { header: 'Mức độ DVC trực tuyến', key: 'onlineLevel', width: 12 },
  { header: 'Thành phần hồ sơ (JSON)', key: 'components', width: 60 },
  { header: 'Các bước (JSON)', key: 'steps', width: 30 },
  { header: 'Căn cứ pháp lý', key: 'legalBasis', width: 40 },
  { header: 'Nguồn', key: 'source', width: 30 },
  { header: 'Ngày nguồn', key: 'sourceDate', width: 12 },
  { header: 'Từ khóa', key: 'keywords', width: 30 },
] as const;

/** The catalog as an Excel workbook: one row per procedure, structured columns as JSON text. */
export async function catalogToXlsx(entries: CatalogProcedure[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'MộtCửa';
  const ws = wb.addWorksheet('Danh mục TTHC');
  ws.columns = COLUMNS.map((c) => ({ ...c }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const p of entries)
    ws.addRow({
      code: p.code,
      name: p.name,
      field: p.field,
      competence: p.competence,
      competentAgency: p.competentAgency,
      limitValue: p.limit.value,
      limitUnit: p.limit.unit,
      limitCutoff: p.limit.cutoff ?? '',
      areaLimit: p.areaLimit ? JSON.stringify(p.areaLimit) : '',
      feeAmount: p.fee.amount,
      feeText: p.fee.text,
      onlineLevel: p.onlineLevel,
      components: JSON.stringify(p.components),
      steps: JSON.stringify(p.steps),
      legalBasis: p.legalBasis.join('; '),
      source: p.source,
      sourceDate: p.sourceDate,
      keywords: (p.keywords ?? []).join('; '),
    });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const text = (v: ExcelJS.CellValue): string => (v === null || v === undefined ? '' : String(v)).trim();
const list = (v: ExcelJS.CellValue): string[] =>
  text(v)
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

/** Reads a workbook written by catalogToXlsx (or edited in Excel) back into raw entries for validation. */
export async function xlsxToCatalog(buffer: Buffer): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const entries: unknown[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const cell = (key: (typeof COLUMNS)[number]['key']) =>
      row.getCell(COLUMNS.findIndex((c) => c.key === key) + 1).value;
    const json = (key: (typeof COLUMNS)[number]['key']): unknown => {
      try {
        return JSON.parse(text(cell(key)) || '[]');
      } catch {
        return text(cell(key));
      }
    };
    entries.push({
      code: text(cell('code')),
      name: text(cell('name')),
      field: text(cell('field')),
      competence: text(cell('competence')),
      competentAgency: text(cell('competentAgency')),
      limit: {
        value: Number(cell('limitValue')),
        unit: text(cell('limitUnit')),
        ...(text(cell('limitCutoff')) ? { cutoff: text(cell('limitCutoff')) } : {}),
      },
      ...(text(cell('areaLimit')) ? { areaLimit: json('areaLimit') } : {}),
      fee: { amount: Number(cell('feeAmount') ?? 0), text: text(cell('feeText')) },
      onlineLevel: text(cell('onlineLevel')),
      components: json('components'),
      steps: json('steps'),
      legalBasis: list(cell('legalBasis')),
      source: text(cell('source')),
      sourceDate: text(cell('sourceDate')),
      keywords: list(cell('keywords')),
    });
  });
  return entries;
}

/**
 * xlsxToCatalog for the render worker (the zip was inspected before, see procedure.upload.ts): a workbook exceljs
 * cannot read is the uploader's fault, reported with a rule the route turns into 400.
 */
export async function readCatalogWorkbook(bytes: Uint8Array): Promise<unknown[]> {
  try {
    return await xlsxToCatalog(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    throw new WorkerInputError(e instanceof Error ? e.message : String(e), 'file.xlsx_unreadable');
  }
}
