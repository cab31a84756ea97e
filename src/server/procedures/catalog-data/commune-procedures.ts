/**
 * Commune-level procedures (thẩm quyền cấp xã) commonly handled at a commune Public Administrative
 * Service Centre under the two-tier local government model (from 1 July 2025).
 *
 * Codes are the national codes of the National Public Service Portal (Cổng Dịch vụ công quốc gia).
 * Where a code, limit or name could not be checked against a published source while compiling, the entry
 * carries a `// verify` comment; fees set by provincial People's Council resolutions are typical defaults
 * (see CATALOG_SOURCE_NOTE in index.ts). Processing limits are the statutory/published ones; the 2025-2026
 * programme of cutting processing times (Nghị quyết 66/NQ-CP 2025) lets provinces publish shorter ones.
 */
import type { CatalogComponent, CatalogProcedure } from './catalog.types.ts';

type Limit = CatalogProcedure['limit'];
type Steps = CatalogProcedure['steps'];

const CUTOFF = '15:00';

/** "Ngay trong ngày; sau 15 giờ thì trả trong ngày làm việc tiếp theo". */
const sameDay = (): Limit => ({ value: 0, unit: 'working_day', cutoff: CUTOFF });
const workingDays = (value: number): Limit => ({ value, unit: 'working_day' });
const calendarDays = (value: number): Limit => ({ value, unit: 'calendar_day' });

/** Counter procedures signed at once (chứng thực, trích lục). */
const counterSteps = (): Steps => [
  { key: 'receive', share: 0.1 },
  { key: 'appraise', share: 0.4 },
  { key: 'sign', share: 0.4 },
  { key: 'return', share: 0.1 },
];
/** Ordinary procedures: officer appraises, the leader approves and signs. */
const standardSteps = (): Steps => [
  { key: 'receive', share: 0.05 },
  { key: 'assign', share: 0.05 },
  { key: 'appraise', share: 0.5 },
  { key: 'approve', share: 0.2 },
  { key: 'sign', share: 0.1 },
  { key: 'return', share: 0.1 },
];
/** Long procedures with verification, posting (niêm yết) or a council. */
const longSteps = (): Steps => [
  { key: 'receive', share: 0.05 },
  { key: 'assign', share: 0.05 },
  { key: 'appraise', share: 0.6 },
  { key: 'approve', share: 0.15 },
  { key: 'sign', share: 0.1 },
  { key: 'return', share: 0.05 },
];

const doc = (
  name: string,
  kind: CatalogComponent['kind'] = 'original',
  extra: { copies?: number; form?: string; required?: boolean } = {},
): CatalogComponent => ({
  name,
  copies: extra.copies ?? 1,
  kind,
  ...(extra.form === undefined ? {} : { form: extra.form }),
  required: extra.required ?? true,
});

const optional = (name: string, kind: CatalogComponent['kind'] = 'original'): CatalogComponent =>
  doc(name, kind, { required: false });

// ---------------------------------------------------------------------------------------------------------
// Shared wording
// ---------------------------------------------------------------------------------------------------------
const UBND_XA = 'Ủy ban nhân dân cấp xã';
const CHU_TICH_XA = 'Chủ tịch Ủy ban nhân dân cấp xã';
const HT_FORMS = 'Thông tư 04/2020/TT-BTP (sửa đổi bởi Thông tư 04/2024/TT-BTP)';
const ID_PRESENTED = doc(
  'Giấy tờ tùy thân (hộ chiếu, thẻ căn cước hoặc giấy tờ có ảnh do cơ quan có thẩm quyền cấp, còn giá trị sử dụng) của người yêu cầu',
  'presented',
);
const RESIDENCE_OPTIONAL = optional(
  'Giấy tờ chứng minh nơi cư trú (khi cơ quan đăng ký hộ tịch không khai thác được thông tin cư trú)',
  'presented',
);
const AUTHORISATION_OPTIONAL = optional(
  'Văn bản ủy quyền theo quy định (trường hợp ủy quyền thực hiện thủ tục; không phải chứng thực nếu người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột)',
);

const HO_TICH_BASIS = [
  'Luật Hộ tịch 2014',
  'Nghị định 123/2015/NĐ-CP (sửa đổi bởi Nghị định 07/2025/NĐ-CP)',
  'Thông tư 04/2020/TT-BTP',
  'Thông tư 85/2019/TT-BTC',
  'Nghị định 120/2025/NĐ-CP',
];
const HO_TICH_SOURCE =
  'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực hộ tịch của Bộ Tư pháp); thẩm quyền cấp xã theo Nghị định 120/2025/NĐ-CP';
const HO_TICH_DATE = '2025-06-11'; // Nghị định 120/2025/NĐ-CP, 11/6/2025

const HDND_FEE = 'Lệ phí theo mức thu do Hội đồng nhân dân cấp tỉnh quy định';
const HT_EXEMPT =
  'miễn lệ phí cho người thuộc gia đình có công với cách mạng, người thuộc hộ nghèo, người khuyết tật';

const CHUNG_THUC_BASIS = [
  'Nghị định 23/2015/NĐ-CP',
  'Thông tư 01/2020/TT-BTP',
  'Thông tư 226/2016/TT-BTC',
  'Nghị định 120/2025/NĐ-CP',
];
const CHUNG_THUC_SOURCE =
  'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực chứng thực của Bộ Tư pháp); thẩm quyền theo Nghị định 23/2015/NĐ-CP và Nghị định 120/2025/NĐ-CP';
const COPY_FEE = {
  amount: 2000,
  text: '2.000 đồng/trang; từ trang thứ ba trở lên thu 1.000 đồng/trang, tối đa không quá 200.000 đồng/bản',
};

const BTXH_BASIS = ['Luật Người cao tuổi 2009', 'Luật Người khuyết tật 2010', 'Nghị định 20/2021/NĐ-CP'];
const HKD_BASIS = ['Luật Doanh nghiệp 2020', 'Nghị định 168/2025/NĐ-CP'];
const HKD_SOURCE =
  'Cổng Dịch vụ công quốc gia; cơ quan đăng ký kinh doanh cấp xã theo Nghị định 168/2025/NĐ-CP';
const HKD_DATE = '2025-06-30'; // Nghị định 168/2025/NĐ-CP, 30/6/2025

// ---------------------------------------------------------------------------------------------------------
// Hộ tịch
// ---------------------------------------------------------------------------------------------------------
const HO_TICH: CatalogProcedure[] = [
  {
    code: '1.001193',
    name: 'Thủ tục đăng ký khai sinh',
    field: 'Hộ tịch',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: sameDay(),
    fee: {
      amount: 0,
      text: `Miễn lệ phí đăng ký khai sinh đúng hạn; ${HT_EXEMPT}. Đăng ký khai sinh không đúng hạn: theo mức thu do Hội đồng nhân dân cấp tỉnh quy định`,
    },
    components: [
      doc('Tờ khai đăng ký khai sinh theo mẫu', 'original', { form: HT_FORMS }),
      doc(
        'Giấy chứng sinh; nếu không có thì văn bản của người làm chứng xác nhận về việc sinh hoặc giấy cam đoan về việc sinh',
      ),
      optional(
        'Văn bản xác nhận của cơ sở y tế đã thực hiện kỹ thuật hỗ trợ sinh sản (trẻ sinh ra do mang thai hộ)',
      ),
      ID_PRESENTED,
      RESIDENCE_OPTIONAL,
      AUTHORISATION_OPTIONAL,
    ],
    onlineLevel: 'full',
    steps: counterSteps(),
    legalBasis: HO_TICH_BASIS,
    source: HO_TICH_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: [
      'làm giấy khai sinh',
      'khai sinh cho con',
      'đăng ký khai sinh',
      'giấy khai sinh',
      'mới sinh con',
    ],
  },
  {
    code: '1.000689',
    name: 'Thủ tục đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con',
    field: 'Hộ tịch',
    competence: 'commune',
    competentAgency: UBND_XA,
    // Luật Hộ tịch art. 25: 03 ngày làm việc; cần xác minh thì kéo dài không quá 05 ngày làm việc.
    limit: workingDays(3),
    fee: { amount: 0, text: `Miễn lệ phí khai sinh đúng hạn; lệ phí nhận cha, mẹ, con: ${HDND_FEE}` },
    components: [
      doc('Tờ khai đăng ký khai sinh và Tờ khai đăng ký nhận cha, mẹ, con theo mẫu', 'original', {
        form: HT_FORMS,
      }),
      doc('Giấy chứng sinh hoặc giấy tờ thay Giấy chứng sinh'),
      doc('Chứng cứ chứng minh quan hệ cha, mẹ, con (văn bản giám định ADN hoặc chứng cứ khác)'),
      ID_PRESENTED,
      RESIDENCE_OPTIONAL,
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: HO_TICH_BASIS,
    source: HO_TICH_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: ['khai sinh nhận cha', 'con ngoài giá thú', 'khai sinh có tên cha'],
  },
  {
    code: '1.004772',
    name: 'Thủ tục đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân',
    field: 'Hộ tịch',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: workingDays(5), // verify: Nghị định 123/2015/NĐ-CP art. 26-27 (05 ngày làm việc)
    fee: { amount: 0, text: `${HDND_FEE}; ${HT_EXEMPT}` },
    components: [
      doc('Tờ khai đăng ký khai sinh theo mẫu', 'original', { form: HT_FORMS }),
      doc('Bản sao toàn bộ hồ sơ, giấy tờ cá nhân có các thông tin liên quan đến nội dung khai sinh', 'copy'),
      doc('Văn bản cam đoan về việc chưa được đăng ký khai sinh'),
      ID_PRESENTED,
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: HO_TICH_BASIS,
    source: HO_TICH_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: ['chưa có giấy khai sinh', 'khai sinh cho người lớn', 'khai sinh quá hạn'],
  },
  {
    code: '1.004884',
    name: 'Thủ tục đăng ký lại khai sinh',
    field: 'Hộ tịch',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: workingDays(5), // Nghị định 123/2015/NĐ-CP art. 26: 05 ngày làm việc; xác minh thì thêm
    fee: { amount: 0, text: `${HDND_FEE}; ${HT_EXEMPT}` },
    components: [
      doc('Tờ khai đăng ký lại khai sinh theo mẫu', 'original', { form: HT_FORMS }),
      doc(
        'Bản sao Giấy khai sinh cũ hoặc giấy tờ, tài liệu có nội dung liên quan đến việc khai sinh',
        'copy',
      ),
      doc(
        'Văn bản cam đoan về việc đã đăng ký khai sinh nhưng không lưu giữ được bản chính Giấy khai sinh',
        'original',
        {
          required: false,
        },
      ),
      ID_PRESENTED,
    ],
    onlineLevel: 'full',
    steps: longSteps(),
    legalBasis: HO_TICH_BASIS,
    source: HO_TICH_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: ['mất giấy khai sinh', 'mất sổ hộ tịch', 'làm lại khai sinh'],
  },
  {
    code: '1.003583',
    name: 'Thủ tục đăng ký khai sinh lưu động',
    field: 'Hộ tịch',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: workingDays(5), // as published: 05 ngày làm việc (đăng ký tại nhà riêng / điểm lưu động)
    fee: { amount: 0, text: `Miễn lệ phí khai sinh đúng hạn; ${HT_EXEMPT}; không đúng hạn: ${HDND_FEE}` },
    components: [
      doc('Tờ khai đăng ký khai sinh theo mẫu', 'original', { form: HT_FORMS }),
      doc('Giấy chứng sinh hoặc văn bản của người làm chứng / giấy cam đoan về việc sinh'),
      ID_PRESENTED,
    ],
    onlineLevel: 'partial',
    steps: standardSteps(),
    legalBasis: HO_TICH_BASIS,
    source: HO_TICH_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: ['khai sinh tại nhà', 'khai sinh lưu động'],
  },
  {
    code: '3.000722',
    name: 'Liên thông điện tử: đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế, cấp thẻ căn cước cho trẻ em dưới 6 tuổi',
    field: 'Hộ tịch',
    competence: 'commune',
    competentAgency:
      'Ủy ban nhân dân cấp xã (chủ trì, liên thông với Công an cấp xã và cơ quan Bảo hiểm xã hội)',
    limit: workingDays(3), // verify: tổng thời hạn nhóm liên thông theo Nghị định 63/2024/NĐ-CP
    fee: {
      amount: 0,
      text: 'Miễn lệ phí đăng ký khai sinh đúng hạn; không thu lệ phí đăng ký thường trú cho trẻ em',
    },
    components: [
      doc('Tờ khai điện tử liên thông (khai sinh, thường trú, bảo hiểm y tế, căn cước)', 'original'),
      doc('Giấy chứng sinh (bản điện tử hoặc bản chụp)', 'original_or_copy'),
      optional('Văn bản đồng ý của chủ hộ / chủ sở hữu chỗ ở hợp pháp cho trẻ đăng ký thường trú'),
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: [...HO_TICH_BASIS, 'Luật Cư trú 2020', 'Luật Bảo hiểm y tế', 'Nghị định 63/2024/NĐ-CP'],
    source: 'Cổng Dịch vụ công quốc gia (mã 3.000722 thay thế nhóm liên thông cũ)',
    sourceDate: HO_TICH_DATE,
    keywords: [
      'khai sinh liên thông',
      'khai sinh nhập hộ khẩu',
      'thẻ bảo hiểm y tế cho trẻ',
      'làm khai sinh online',
    ],
  },
  {
    code: '1.000894',
    name: 'Thủ tục đăng ký kết hôn',
    field: 'Hộ tịch',
    competence: 'commune',
    competentAgency: UBND_XA,
    // Luật Hộ tịch art. 18: ngay sau khi nhận đủ giấy tờ; cần xác minh thì không quá 05 ngày làm việc.
    limit: sameDay(),
    fee: { amount: 0, text: 'Miễn lệ phí đăng ký kết hôn cho công dân Việt Nam cư trú ở trong nước' },
    components: [
      doc('Tờ khai đăng ký kết hôn theo mẫu (hai bên có thể dùng chung một Tờ khai)', 'original', {
        form: HT_FORMS,
      }),
      optional('Giấy xác nhận tình trạng hôn nhân (trường hợp đăng ký tại nơi không phải nơi thường trú)'),
      optional('Trích lục ghi chú ly hôn (đã ly hôn, hủy việc kết hôn ở nước ngoài)'),
      ID_PRESENTED,
      RESIDENCE_OPTIONAL,
    ],
    onlineLevel: 'full',
    steps: counterSteps(),
    legalBasis: ['Luật Hôn nhân và gia đình 2014', ...HO_TICH_BASIS],
    source: HO_TICH_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: ['đăng ký kết hôn', 'lấy vợ', 'lấy chồng', 'giấy đăng ký kết hôn', 'giấy hôn thú'],
  },
  {
    code: '1.000593',
    name: 'Thủ tục đăng ký kết hôn lưu động',
    field: 'Hộ tịch',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: workingDays(5), // verify: Nghị định 123/2015/NĐ-CP art. 15 (đăng ký lưu động)
    fee: { amount: 0, text: 'Miễn lệ phí đăng ký kết hôn cho công dân Việt Nam cư trú ở trong nước' },
    components: [doc('Tờ khai đăng ký kết hôn theo mẫu', 'original', { form: HT_FORMS }), ID_PRESENTED],
    onlineLevel: 'partial',
    steps: standardSteps(),
    legalBasis: ['Luật Hôn nhân và gia đình 2014', ...HO_TICH_BASIS],
    source: HO_TICH_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: ['kết hôn lưu động', 'đăng ký kết hôn tại nhà'],
  },
  {
    code: '1.004873',
    name: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
    field: 'Hộ tịch',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: workingDays(3), // 03 ngày làm việc; phải xác minh thì không quá 23 ngày
    fee: {
      amount: 15000,
      text: `${HDND_FEE} (mặc định: 15.000 đồng/việc; cần cập nhật theo nghị quyết của tỉnh)`,
    },
    components: [
      doc('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu', 'original', { form: HT_FORMS }),
      optional('Giấy tờ chứng minh việc ly hôn hoặc người kia đã chết (trường hợp đã có vợ/chồng)', 'copy'),
      optional('Giấy xác nhận tình trạng hôn nhân đã được cấp trước đây (trường hợp cấp lại)'),
      ID_PRESENTED,
      RESIDENCE_OPTIONAL,
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: HO_TICH_BASIS,
    source: HO_TICH_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: ['xác nhận độc thân', 'giấy xác nhận tình trạng hôn nhân', 'chưa kết hôn', 'giấy độc thân'],
  },
  {
    code: '1.000656',
    name: 'Thủ tục đăng ký khai tử',
    field: 'Hộ tịch',
    competence: 'commune',
    competentAgency: UBND_XA,
    // Luật Hộ tịch art. 34: ngay sau khi nhận giấy tờ; cần xác minh thì không quá 03 ngày làm việc.
    limit: sameDay(),
    fee: { amount: 0, text: `Miễn lệ phí đăng ký khai tử đúng hạn; ${HT_EXEMPT}` },
    components: [
      doc('Tờ khai đăng ký khai tử theo mẫu', 'original', { form: HT_FORMS }),
      doc('Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử do cơ quan có thẩm quyền cấp'),
      ID_PRESENTED,
      AUTHORISATION_OPTIONAL,
    ],
    onlineLevel: 'full',
    steps: counterSteps(),
    legalBasis: HO_TICH_BASIS,
    source: HO_TICH_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: ['báo tử', 'khai tử', 'người nhà mất', 'giấy chứng tử', 'trích lục khai tử'],
  },
  {
    code: '1.000419',
    name: 'Thủ tục đăng ký khai tử lưu động',
    field: 'Hộ tịch',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: workingDays(5), // verify: Nghị định 123/2015/NĐ-CP art. 15
    fee: { amount: 0, text: `Miễn lệ phí đăng ký khai tử đúng hạn; ${HT_EXEMPT}` },
    components: [
      doc('Tờ khai đăng ký khai tử theo mẫu', 'original', { form: HT_FORMS }),
      doc('Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử'),
      ID_PRESENTED,
    ],
    onlineLevel: 'partial',
    steps: standardSteps(),
    legalBasis: HO_TICH_BASIS,
    source: HO_TICH_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: ['khai tử lưu động', 'khai tử tại nhà'],
  },
  {
    code: '1.005461',
    name: 'Thủ tục đăng ký lại khai tử',
    field: 'Hộ tịch',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: workingDays(5), // verify: Nghị định 123/2015/NĐ-CP art. 28
    fee: { amount: 10000, text: `${HDND_FEE} (mặc định: 10.000 đồng/việc); ${HT_EXEMPT}` },
    components: [
      doc('Tờ khai đăng ký lại khai tử theo mẫu', 'original', { form: HT_FORMS }),
      doc(
        'Bản sao Giấy chứng tử trước đây được cấp hợp lệ hoặc giấy tờ liên quan có nội dung chứng minh sự kiện chết',
        'copy',
      ),
      ID_PRESENTED,
    ],
    onlineLevel: 'full',
    steps: longSteps(),
    legalBasis: HO_TICH_BASIS,
    source: HO_TICH_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: ['đăng ký lại khai tử', 'mất giấy chứng tử'],
  },
  {
    code: '1.004746',
    name: 'Thủ tục đăng ký lại kết hôn',
    field: 'Hộ tịch',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: workingDays(5), // Nghị định 123/2015/NĐ-CP art. 27: 05 ngày làm việc; xác minh thì thêm
    fee: { amount: 10000, text: `${HDND_FEE} (mặc định: 10.000 đồng/việc); ${HT_EXEMPT}` },
    components: [
      doc('Tờ khai đăng ký lại kết hôn theo mẫu', 'original', { form: HT_FORMS }),
      doc(
        'Bản sao Giấy chứng nhận kết hôn được cấp trước đây hoặc giấy tờ, tài liệu có nội dung liên quan',
        'copy',
      ),
      ID_PRESENTED,
    ],
    onlineLevel: 'full',
    steps: longSteps(),
    legalBasis: HO_TICH_BASIS,
    source: HO_TICH_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: ['mất giấy đăng ký kết hôn', 'đăng ký lại kết hôn'],
  },
  {
    code: '1.001022',
    name: 'Thủ tục đăng ký nhận cha, mẹ, con',
    field: 'Hộ tịch',
    competence: 'commune',
    competentAgency: UBND_XA,
    // Luật Hộ tịch art. 25: 03 ngày làm việc; cần xác minh thì kéo dài thêm không quá 05 ngày làm việc.
    limit: workingDays(3),
    fee: { amount: 15000, text: `${HDND_FEE} (mặc định: 15.000 đồng/việc); ${HT_EXEMPT}` },
    components: [
      doc('Tờ khai đăng ký nhận cha, mẹ, con theo mẫu', 'original', { form: HT_FORMS }),
      doc('Chứng cứ chứng minh quan hệ cha, mẹ, con (văn bản giám định ADN hoặc chứng cứ khác)'),
      ID_PRESENTED,
      RESIDENCE_OPTIONAL,
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: HO_TICH_BASIS,
    source: HO_TICH_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: ['nhận cha con', 'nhận con', 'nhận cha mẹ'],
  },
  {
    code: '1.004837',
    name: 'Thủ tục đăng ký giám hộ',
    field: 'Hộ tịch',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: workingDays(3), // Luật Hộ tịch art. 20
    fee: { amount: 0, text: 'Miễn lệ phí đăng ký giám hộ cho công dân Việt Nam cư trú ở trong nước' },
    components: [
      doc('Tờ khai đăng ký giám hộ theo mẫu', 'original', { form: HT_FORMS }),
      doc('Văn bản cử người giám hộ (giám hộ cử) hoặc giấy tờ chứng minh điều kiện giám hộ đương nhiên'),
      ID_PRESENTED,
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: ['Bộ luật Dân sự 2015', ...HO_TICH_BASIS],
    source: HO_TICH_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: ['giám hộ', 'người giám hộ', 'trẻ mồ côi'],
  },
  {
    code: '1.004845',
    name: 'Thủ tục đăng ký chấm dứt giám hộ',
    field: 'Hộ tịch',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: workingDays(2), // Luật Hộ tịch art. 22
    fee: { amount: 0, text: 'Miễn lệ phí' },
    components: [
      doc('Tờ khai đăng ký chấm dứt giám hộ theo mẫu', 'original', { form: HT_FORMS }),
      doc('Giấy tờ làm căn cứ chấm dứt việc giám hộ theo quy định của Bộ luật Dân sự'),
      ID_PRESENTED,
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: ['Bộ luật Dân sự 2015', ...HO_TICH_BASIS],
    source: HO_TICH_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: ['chấm dứt giám hộ'],
  },
  {
    code: '1.004859',
    name: 'Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
    field: 'Hộ tịch',
    competence: 'commune',
    competentAgency: UBND_XA,
    // Luật Hộ tịch art. 28: 03 ngày làm việc; cần xác minh thì kéo dài không quá 03 ngày làm việc.
    limit: workingDays(3),
    fee: { amount: 15000, text: `${HDND_FEE} (mặc định: 15.000 đồng/việc); ${HT_EXEMPT}` },
    components: [
      doc(
        'Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc theo mẫu',
        'original',
        {
          form: HT_FORMS,
        },
      ),
      doc('Giấy tờ làm căn cứ cho việc thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc'),
      ID_PRESENTED,
      AUTHORISATION_OPTIONAL,
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: ['Bộ luật Dân sự 2015', ...HO_TICH_BASIS],
    source: HO_TICH_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: ['đổi tên', 'sửa ngày sinh', 'cải chính hộ tịch', 'sửa giấy khai sinh', 'xác định lại dân tộc'],
  },
  {
    code: '2.000635',
    name: 'Cấp bản sao Trích lục hộ tịch',
    field: 'Hộ tịch',
    competence: 'commune',
    competentAgency:
      'Ủy ban nhân dân cấp xã (nơi lưu giữ Sổ hộ tịch hoặc khai thác Cơ sở dữ liệu hộ tịch điện tử)',
    limit: sameDay(), // verify: trả ngay trong ngày; hồ sơ sau 15 giờ trả ngày làm việc tiếp theo
    fee: { amount: 8000, text: 'Phí cấp bản sao trích lục hộ tịch: 8.000 đồng/bản sao' }, // verify: Thông tư 281/2016/TT-BTC
    components: [
      doc('Tờ khai cấp bản sao Trích lục hộ tịch theo mẫu', 'original', { form: HT_FORMS }),
      ID_PRESENTED,
      AUTHORISATION_OPTIONAL,
    ],
    onlineLevel: 'full',
    steps: counterSteps(),
    legalBasis: HO_TICH_BASIS,
    source: HO_TICH_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: [
      'trích lục khai sinh',
      'bản sao giấy khai sinh',
      'xin lại giấy khai sinh',
      'trích lục kết hôn',
    ],
  },
  {
    code: '2.000806',
    name: 'Thủ tục đăng ký kết hôn có yếu tố nước ngoài',
    field: 'Hộ tịch',
    competence: 'commune', // cấp huyện -> cấp xã từ 01/7/2025 (Nghị định 120/2025/NĐ-CP)
    competentAgency: UBND_XA,
    // verify: Luật Hộ tịch art. 38 / Nghị định 123/2015/NĐ-CP art. 32 give 15 ngày; some provinces now publish 05 ngày.
    limit: workingDays(15),
    fee: {
      amount: 1000000,
      text: `${HDND_FEE} (mặc định: 1.000.000 đồng/trường hợp, cần cập nhật theo nghị quyết của tỉnh)`,
    },
    components: [
      doc('Tờ khai đăng ký kết hôn theo mẫu', 'original', { form: HT_FORMS }),
      doc(
        'Giấy tờ chứng minh tình trạng hôn nhân của người nước ngoài do cơ quan có thẩm quyền nước ngoài cấp, còn giá trị sử dụng',
      ),
      doc(
        'Giấy xác nhận của tổ chức y tế có thẩm quyền xác nhận các bên không mắc bệnh tâm thần hoặc bệnh khác mà không có khả năng nhận thức, làm chủ được hành vi',
      ),
      doc('Bản sao hộ chiếu hoặc giấy tờ có giá trị thay thế hộ chiếu của người nước ngoài', 'copy'),
      optional('Trích lục ghi chú ly hôn (công dân Việt Nam đã ly hôn ở nước ngoài)', 'copy'),
      ID_PRESENTED,
    ],
    onlineLevel: 'full',
    steps: longSteps(),
    legalBasis: ['Luật Hôn nhân và gia đình 2014', ...HO_TICH_BASIS],
    source: HO_TICH_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: [
      'kết hôn với người nước ngoài',
      'lấy chồng nước ngoài',
      'lấy vợ nước ngoài',
      'kết hôn có yếu tố nước ngoài',
    ],
  },
  {
    code: '2.000528',
    name: 'Thủ tục đăng ký khai sinh có yếu tố nước ngoài',
    field: 'Hộ tịch',
    competence: 'commune', // cấp huyện -> cấp xã từ 01/7/2025 (Nghị định 120/2025/NĐ-CP)
    competentAgency: UBND_XA,
    limit: sameDay(), // Luật Hộ tịch art. 36: ngay sau khi nhận đủ giấy tờ
    fee: { amount: 50000, text: `${HDND_FEE} (mặc định: 50.000 đồng/trường hợp; verify)` },
    components: [
      doc('Tờ khai đăng ký khai sinh theo mẫu', 'original', { form: HT_FORMS }),
      doc('Giấy chứng sinh hoặc giấy tờ thay Giấy chứng sinh'),
      optional(
        'Văn bản thỏa thuận của cha, mẹ về việc chọn quốc tịch cho con (cha hoặc mẹ là người nước ngoài)',
      ),
      ID_PRESENTED,
    ],
    onlineLevel: 'full',
    steps: counterSteps(),
    legalBasis: ['Luật Quốc tịch Việt Nam 2008', ...HO_TICH_BASIS],
    source: HO_TICH_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: ['khai sinh cho con lai', 'khai sinh có yếu tố nước ngoài', 'cha mẹ người nước ngoài'],
  },
  {
    code: '2.000748',
    name: 'Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc có yếu tố nước ngoài',
    field: 'Hộ tịch',
    competence: 'commune', // cấp huyện -> cấp xã từ 01/7/2025
    competentAgency: UBND_XA,
    limit: workingDays(3), // Luật Hộ tịch art. 47; xác minh thì kéo dài không quá 03 ngày làm việc
    fee: { amount: 28000, text: `${HDND_FEE} (mặc định: 28.000 đồng/việc; verify)` },
    components: [
      doc(
        'Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc theo mẫu',
        'original',
        {
          form: HT_FORMS,
        },
      ),
      doc('Giấy tờ làm căn cứ cho việc thay đổi, cải chính, bổ sung thông tin hộ tịch'),
      ID_PRESENTED,
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: HO_TICH_BASIS,
    source: HO_TICH_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: ['cải chính hộ tịch có yếu tố nước ngoài', 'đổi họ tên theo quốc tịch nước ngoài'],
  },
  {
    code: '2.001263',
    name: 'Thủ tục đăng ký việc nuôi con nuôi trong nước',
    field: 'Nuôi con nuôi',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: calendarDays(30), // Luật Nuôi con nuôi 2010 art. 19: 30 ngày kể từ ngày nhận đủ hồ sơ hợp lệ
    fee: {
      amount: 400000,
      text: '400.000 đồng/trường hợp; miễn lệ phí khi cha dượng/mẹ kế, cô, cậu, dì, chú, bác ruột nhận con nuôi, nhận trẻ em khuyết tật, mắc bệnh hiểm nghèo làm con nuôi và người có công với cách mạng nhận con nuôi',
    },
    components: [
      doc('Đơn xin nhận con nuôi theo mẫu', 'original', { form: 'Thông tư 10/2020/TT-BTP' }),
      doc('Phiếu lý lịch tư pháp của người nhận con nuôi'),
      doc('Văn bản xác nhận tình trạng hôn nhân của người nhận con nuôi'),
      doc('Giấy khám sức khỏe của người nhận con nuôi do cơ quan y tế cấp huyện trở lên cấp'),
      doc('Giấy khai sinh, ảnh và giấy tờ theo hồ sơ của người được giới thiệu làm con nuôi', 'copy'),
      ID_PRESENTED,
    ],
    onlineLevel: 'partial',
    steps: longSteps(),
    legalBasis: [
      'Luật Nuôi con nuôi 2010',
      'Nghị định 19/2011/NĐ-CP',
      'Nghị định 114/2016/NĐ-CP',
      'Nghị định 120/2025/NĐ-CP',
    ],
    source: 'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực nuôi con nuôi của Bộ Tư pháp)',
    sourceDate: HO_TICH_DATE,
    keywords: ['nhận con nuôi', 'nuôi con nuôi', 'xin con nuôi'],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Chứng thực (Nghị định 23/2015/NĐ-CP; phí Thông tư 226/2016/TT-BTC)
// ---------------------------------------------------------------------------------------------------------
const CHUNG_THUC: CatalogProcedure[] = [
  {
    code: '2.000815',
    name: 'Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    field: 'Chứng thực',
    competence: 'commune',
    competentAgency: UBND_XA,
    // Trong ngày; sau 15 giờ thì ngày làm việc tiếp theo; nhiều bản/phức tạp có thể dài hơn theo thỏa thuận.
    limit: sameDay(),
    fee: COPY_FEE,
    components: [
      doc('Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao', 'presented'),
      doc('Bản sao cần chứng thực (hoặc để cơ quan chụp từ bản chính)', 'copy'),
    ],
    onlineLevel: 'partial',
    steps: counterSteps(),
    legalBasis: CHUNG_THUC_BASIS,
    source: CHUNG_THUC_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: ['công chứng bản sao', 'sao y bản chính', 'chứng thực bản sao', 'photo công chứng'],
  },
  {
    code: '2.000884',
    name: 'Thủ tục chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)',
    field: 'Chứng thực',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: sameDay(),
    fee: {
      amount: 10000,
      text: '10.000 đồng/trường hợp (trường hợp được hiểu là một hoặc nhiều chữ ký trong cùng một giấy tờ, văn bản)',
    },
    components: [
      doc('Giấy tờ, văn bản mà mình sẽ ký'),
      doc('Bản chính hoặc bản sao có chứng thực giấy tờ tùy thân còn giá trị sử dụng', 'original_or_copy'),
    ],
    onlineLevel: 'partial',
    steps: counterSteps(),
    legalBasis: CHUNG_THUC_BASIS,
    source: CHUNG_THUC_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: ['chứng thực chữ ký', 'xác nhận chữ ký', 'công chứng chữ ký', 'điểm chỉ'],
  },
  {
    code: '2.001008',
    name: 'Thủ tục chứng thực chữ ký người dịch mà người dịch không phải là cộng tác viên dịch thuật',
    field: 'Chứng thực',
    competence: 'commune', // Phòng Tư pháp -> cấp xã từ 01/7/2025 (Nghị định 120/2025/NĐ-CP)
    competentAgency: UBND_XA,
    limit: sameDay(),
    fee: { amount: 10000, text: '10.000 đồng/trường hợp' },
    components: [
      doc('Bản dịch đính kèm giấy tờ, văn bản cần dịch'),
      doc('Bản chính hoặc bản sao có chứng thực giấy tờ tùy thân của người dịch', 'original_or_copy'),
      doc(
        'Bản chính hoặc bản sao có chứng thực bằng cử nhân ngoại ngữ trở lên hoặc văn bằng tương đương',
        'original_or_copy',
      ),
    ],
    onlineLevel: 'partial',
    steps: counterSteps(),
    legalBasis: CHUNG_THUC_BASIS,
    source: CHUNG_THUC_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: ['chứng thực bản dịch', 'dịch thuật công chứng', 'chữ ký người dịch'],
  },
  {
    code: '2.001035',
    name: 'Thủ tục chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở',
    field: 'Chứng thực',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: workingDays(2), // Nghị định 23/2015/NĐ-CP art. 37: không quá 02 ngày làm việc (hoặc theo thỏa thuận)
    fee: { amount: 50000, text: '50.000 đồng/hợp đồng, giao dịch' },
    components: [
      doc('Dự thảo hợp đồng, giao dịch'),
      doc('Bản sao giấy tờ tùy thân của người yêu cầu chứng thực', 'copy'),
      doc(
        'Bản sao Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản hoặc giấy tờ thay thế (hợp đồng liên quan đến đất, nhà ở)',
        'copy',
      ),
    ],
    onlineLevel: 'partial',
    steps: standardSteps(),
    legalBasis: [...CHUNG_THUC_BASIS, 'Bộ luật Dân sự 2015', 'Luật Đất đai 2024'],
    source: CHUNG_THUC_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: [
      'chứng thực hợp đồng',
      'hợp đồng mua bán đất',
      'hợp đồng tặng cho',
      'công chứng hợp đồng tại xã',
    ],
  },
  {
    code: '2.000913', // verify
    name: 'Thủ tục chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch',
    field: 'Chứng thực',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: workingDays(2),
    fee: { amount: 30000, text: '30.000 đồng/hợp đồng, giao dịch' },
    components: [
      doc('Dự thảo văn bản sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch'),
      doc('Hợp đồng, giao dịch đã được chứng thực', 'presented'),
      doc('Bản sao giấy tờ tùy thân của người yêu cầu chứng thực', 'copy'),
    ],
    onlineLevel: 'partial',
    steps: standardSteps(),
    legalBasis: CHUNG_THUC_BASIS,
    source: CHUNG_THUC_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: ['sửa hợp đồng đã chứng thực', 'hủy hợp đồng'],
  },
  {
    code: '2.000927', // verify
    name: 'Thủ tục sửa lỗi sai sót trong hợp đồng, giao dịch',
    field: 'Chứng thực',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: sameDay(), // verify
    fee: { amount: 25000, text: '25.000 đồng/hợp đồng, giao dịch' },
    components: [
      doc('Văn bản yêu cầu sửa lỗi sai sót có chữ ký của tất cả các bên tham gia hợp đồng, giao dịch'),
      doc('Hợp đồng, giao dịch đã được chứng thực', 'presented'),
    ],
    onlineLevel: 'partial',
    steps: counterSteps(),
    legalBasis: CHUNG_THUC_BASIS,
    source: CHUNG_THUC_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: ['sửa lỗi hợp đồng', 'sai sót hợp đồng'],
  },
  {
    code: '2.000942',
    name: 'Thủ tục cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực',
    field: 'Chứng thực',
    competence: 'commune',
    competentAgency: 'Ủy ban nhân dân cấp xã (nơi lưu trữ hợp đồng, giao dịch)',
    limit: sameDay(), // verify
    fee: COPY_FEE,
    components: [doc('Văn bản đề nghị cấp bản sao hợp đồng, giao dịch'), ID_PRESENTED],
    onlineLevel: 'partial',
    steps: counterSteps(),
    legalBasis: CHUNG_THUC_BASIS,
    source: CHUNG_THUC_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: ['bản sao hợp đồng đã chứng thực', 'xin lại hợp đồng'],
  },
  {
    code: '2.001019',
    name: 'Thủ tục chứng thực di chúc',
    field: 'Chứng thực',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: workingDays(2),
    fee: { amount: 50000, text: '50.000 đồng/di chúc' },
    components: [
      doc('Dự thảo di chúc'),
      doc('Bản sao giấy tờ tùy thân của người lập di chúc', 'copy'),
      optional(
        'Bản sao giấy chứng nhận quyền sở hữu, quyền sử dụng tài sản (di chúc liên quan đến tài sản)',
        'copy',
      ),
    ],
    onlineLevel: 'partial',
    steps: standardSteps(),
    legalBasis: [...CHUNG_THUC_BASIS, 'Bộ luật Dân sự 2015'],
    source: CHUNG_THUC_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: ['làm di chúc', 'chứng thực di chúc', 'để lại tài sản'],
  },
  {
    code: '2.000908',
    name: 'Thủ tục cấp bản sao từ sổ gốc',
    field: 'Chứng thực',
    competence: 'commune',
    competentAgency:
      'Cơ quan, tổ chức đang quản lý sổ gốc (Ủy ban nhân dân cấp xã đối với sổ gốc do xã quản lý)',
    limit: sameDay(),
    fee: { amount: 0, text: 'Không' },
    components: [doc('Văn bản hoặc tờ khai đề nghị cấp bản sao từ sổ gốc'), ID_PRESENTED],
    onlineLevel: 'full',
    steps: counterSteps(),
    legalBasis: CHUNG_THUC_BASIS,
    source: CHUNG_THUC_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: ['bản sao từ sổ gốc', 'sao lục sổ gốc'],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Bảo trợ xã hội, người có công, giảm nghèo
// ---------------------------------------------------------------------------------------------------------
const XA_HOI: CatalogProcedure[] = [
  {
    code: '1.001776',
    name: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng',
    field: 'Bảo trợ xã hội',
    competence: 'commune', // quyết định của Chủ tịch UBND cấp huyện chuyển về cấp xã từ 01/7/2025
    competentAgency: CHU_TICH_XA,
    limit: workingDays(17), // verify: former chain 7 (xã) + 7 (Phòng) + 3 (Chủ tịch huyện) under Nghị định 20/2021
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Tờ khai đề nghị trợ giúp xã hội theo mẫu', 'original', {
        form: 'Mẫu số 1a-1d, Nghị định 20/2021/NĐ-CP',
      }),
      optional('Giấy xác nhận khuyết tật (đối với người khuyết tật)', 'copy'),
      optional('Giấy tờ chứng minh đối tượng (trẻ em mồ côi, người đơn thân nghèo nuôi con...)', 'copy'),
    ],
    onlineLevel: 'full',
    steps: longSteps(),
    legalBasis: BTXH_BASIS,
    source: 'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực bảo trợ xã hội)',
    sourceDate: '2021-03-15', // Nghị định 20/2021/NĐ-CP
    keywords: [
      'trợ cấp xã hội',
      'trợ cấp người khuyết tật',
      'tiền trợ cấp hàng tháng',
      'trợ cấp người cao tuổi',
    ],
  },
  {
    code: '1.001731',
    name: 'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội',
    field: 'Bảo trợ xã hội',
    competence: 'commune',
    competentAgency: CHU_TICH_XA,
    limit: workingDays(3), // verify
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Tờ khai đề nghị hỗ trợ chi phí mai táng theo mẫu', 'original', {
        form: 'Nghị định 20/2021/NĐ-CP',
      }),
      doc('Bản sao Giấy chứng tử hoặc Trích lục khai tử', 'copy'),
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: BTXH_BASIS,
    source: 'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực bảo trợ xã hội)',
    sourceDate: '2021-03-15',
    keywords: ['mai táng phí', 'hỗ trợ mai táng', 'tiền mai táng'],
  },
  {
    code: '2.000751', // verify
    name: 'Trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở, sửa chữa nhà ở',
    field: 'Bảo trợ xã hội',
    competence: 'commune',
    competentAgency: CHU_TICH_XA,
    limit: workingDays(10), // verify
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Tờ khai đề nghị hỗ trợ về nhà ở theo mẫu', 'original', { form: 'Nghị định 20/2021/NĐ-CP' }),
    ],
    onlineLevel: 'partial',
    steps: longSteps(),
    legalBasis: BTXH_BASIS,
    source: 'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực bảo trợ xã hội)',
    sourceDate: '2021-03-15',
    keywords: ['nhà bị sập', 'hỗ trợ thiên tai', 'hỗ trợ làm nhà', 'trợ giúp khẩn cấp'],
  },
  {
    code: '1.001699',
    name: 'Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật',
    field: 'Bảo trợ xã hội',
    competence: 'commune',
    competentAgency: 'Chủ tịch Ủy ban nhân dân cấp xã (Hội đồng xác định mức độ khuyết tật cấp xã)',
    limit: workingDays(25), // verify: 20 ngày làm việc họp Hội đồng + 05 ngày làm việc cấp Giấy xác nhận
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Đơn đề nghị xác định mức độ khuyết tật theo mẫu', 'original', {
        form: 'Thông tư 01/2019/TT-BLĐTBXH',
      }),
      optional('Bản sao các giấy tờ y tế chứng minh về khuyết tật (bệnh án, giấy ra viện...)', 'copy'),
    ],
    onlineLevel: 'partial',
    steps: longSteps(),
    legalBasis: ['Luật Người khuyết tật 2010', 'Nghị định 28/2012/NĐ-CP', 'Thông tư 01/2019/TT-BLĐTBXH'],
    source: 'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực bảo trợ xã hội)',
    sourceDate: '2019-01-02', // verify: Thông tư 01/2019/TT-BLĐTBXH
    keywords: ['giấy xác nhận khuyết tật', 'xác định khuyết tật', 'người khuyết tật'],
  },
  {
    code: '1.001653',
    name: 'Đổi, cấp lại Giấy xác nhận khuyết tật',
    field: 'Bảo trợ xã hội',
    competence: 'commune',
    competentAgency: CHU_TICH_XA,
    limit: workingDays(5), // verify
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Đơn đề nghị đổi, cấp lại Giấy xác nhận khuyết tật theo mẫu', 'original', {
        form: 'Thông tư 01/2019/TT-BLĐTBXH',
      }),
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: ['Luật Người khuyết tật 2010', 'Nghị định 28/2012/NĐ-CP', 'Thông tư 01/2019/TT-BLĐTBXH'],
    source: 'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực bảo trợ xã hội)',
    sourceDate: '2019-01-02',
    keywords: ['mất giấy xác nhận khuyết tật', 'đổi giấy khuyết tật'],
  },
  {
    code: '1.010803',
    name: 'Giải quyết chế độ trợ cấp thờ cúng liệt sĩ',
    field: 'Người có công',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: workingDays(10), // verify
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Bản khai đề nghị giải quyết chế độ thờ cúng liệt sĩ theo mẫu', 'original', {
        form: 'Nghị định 131/2021/NĐ-CP',
      }),
      optional('Văn bản ủy quyền thờ cúng liệt sĩ (nếu có)'),
    ],
    onlineLevel: 'partial',
    steps: longSteps(),
    legalBasis: ['Pháp lệnh Ưu đãi người có công với cách mạng 2020', 'Nghị định 131/2021/NĐ-CP'],
    source: 'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực người có công)',
    sourceDate: '2021-12-30', // Nghị định 131/2021/NĐ-CP
    keywords: ['thờ cúng liệt sĩ', 'trợ cấp liệt sĩ'],
  },
  {
    code: '1.010833',
    name: 'Cấp giấy xác nhận thân nhân của người có công',
    field: 'Người có công',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: workingDays(5), // verify
    fee: { amount: 0, text: 'Không' },
    components: [doc('Đơn đề nghị cấp giấy xác nhận thân nhân của người có công theo mẫu')],
    onlineLevel: 'partial',
    steps: standardSteps(),
    legalBasis: ['Pháp lệnh Ưu đãi người có công với cách mạng 2020', 'Nghị định 131/2021/NĐ-CP'],
    source: 'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực người có công)',
    sourceDate: '2021-12-30',
    keywords: ['con liệt sĩ', 'thân nhân người có công', 'giấy xác nhận gia đình chính sách'],
  },
  {
    code: '1.011607',
    // verify name; several provinces announce repeal of the 2022-2025 poverty procedures from 01/01/2027.
    name: 'Công nhận hộ nghèo, hộ cận nghèo; hộ thoát nghèo, hộ thoát cận nghèo thường xuyên hằng năm',
    field: 'Giảm nghèo',
    competence: 'commune',
    competentAgency: CHU_TICH_XA,
    limit: workingDays(7), // verify: Nghị định 07/2021/NĐ-CP (rà soát thường xuyên)
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Giấy đề nghị rà soát hộ nghèo, hộ cận nghèo theo mẫu', 'original', {
        form: 'Thông tư 07/2021/TT-BLĐTBXH',
      }),
    ],
    onlineLevel: 'partial',
    steps: longSteps(),
    legalBasis: ['Nghị định 07/2021/NĐ-CP', 'Thông tư 07/2021/TT-BLĐTBXH'],
    source: 'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực giảm nghèo)',
    sourceDate: '2021-01-27', // verify: Nghị định 07/2021/NĐ-CP
    keywords: ['hộ nghèo', 'hộ cận nghèo', 'sổ hộ nghèo', 'thoát nghèo'],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Đất đai (Nghị định 151/2025/NĐ-CP: what moved to the commune is the district's authority; registration
// of changes stays with the Land Registration Office, see other-agency-procedures.ts)
// ---------------------------------------------------------------------------------------------------------
const DAT_DAI_BASIS = [
  'Luật Đất đai 2024',
  'Nghị định 101/2024/NĐ-CP',
  'Nghị định 102/2024/NĐ-CP',
  'Nghị định 151/2025/NĐ-CP',
];
const DAT_DAI_SOURCE = 'Cổng Dịch vụ công quốc gia; thẩm quyền cấp xã theo Nghị định 151/2025/NĐ-CP';
const DAT_DAI_DATE = '2025-06-12'; // Nghị định 151/2025/NĐ-CP, 12/6/2025

const DAT_DAI: CatalogProcedure[] = [
  {
    code: '1.013978',
    name: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu đối với hộ gia đình, cá nhân, cộng đồng dân cư, người gốc Việt Nam định cư ở nước ngoài',
    field: 'Đất đai',
    competence: 'commune',
    competentAgency:
      'Chủ tịch Ủy ban nhân dân cấp xã (phối hợp Văn phòng đăng ký đất đai / Chi nhánh và cơ quan thuế)',
    // As published: không quá 20 ngày làm việc (30 ngày ở xã miền núi, hải đảo, vùng đặc biệt khó khăn);
    // excludes the time of posting (niêm yết) and of fulfilling financial obligations.
    limit: workingDays(20),
    fee: {
      amount: 60000,
      text: 'Lệ phí cấp Giấy chứng nhận và phí thẩm định hồ sơ theo Nghị quyết của Hội đồng nhân dân cấp tỉnh (mặc định: 60.000 đồng/giấy đất và tài sản tại xã; phí thẩm định tính riêng)',
    },
    components: [
      doc('Đơn đăng ký đất đai, tài sản gắn liền với đất theo mẫu', 'original', {
        form: 'Mẫu số 04/ĐK, Nghị định 101/2024/NĐ-CP',
      }),
      optional(
        'Một trong các loại giấy tờ về quyền sử dụng đất theo Điều 137 Luật Đất đai 2024',
        'original_or_copy',
      ),
      optional(
        'Chứng từ thực hiện nghĩa vụ tài chính; giấy tờ về miễn, giảm nghĩa vụ tài chính (nếu có)',
        'copy',
      ),
      AUTHORISATION_OPTIONAL,
    ],
    onlineLevel: 'partial',
    steps: longSteps(),
    legalBasis: DAT_DAI_BASIS,
    source: DAT_DAI_SOURCE,
    sourceDate: DAT_DAI_DATE,
    keywords: ['cấp sổ đỏ lần đầu', 'làm sổ đỏ', 'cấp giấy chứng nhận quyền sử dụng đất', 'đăng ký đất đai'],
  },
  {
    code: '1.012812',
    name: 'Hòa giải tranh chấp đất đai',
    field: 'Đất đai',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: calendarDays(30), // Luật Đất đai 2024 art. 235: không quá 30 ngày kể từ ngày nhận đơn
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Đơn đề nghị hòa giải tranh chấp đất đai'),
      optional('Giấy tờ, tài liệu liên quan đến thửa đất tranh chấp', 'copy'),
    ],
    onlineLevel: 'partial',
    steps: longSteps(),
    legalBasis: DAT_DAI_BASIS,
    source: DAT_DAI_SOURCE,
    sourceDate: DAT_DAI_DATE,
    keywords: ['tranh chấp đất', 'hòa giải đất đai', 'lấn chiếm đất', 'tranh chấp ranh giới'],
  },
  {
    code: '1.013967', // verify
    name: 'Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân cấp xã',
    field: 'Đất đai',
    competence: 'commune', // Chủ tịch UBND cấp huyện -> Chủ tịch UBND cấp xã (Nghị định 151/2025/NĐ-CP)
    competentAgency: CHU_TICH_XA,
    limit: calendarDays(45), // verify: Nghị định 102/2024/NĐ-CP (60 ngày ở vùng khó khăn)
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Đơn yêu cầu giải quyết tranh chấp đất đai'),
      doc('Biên bản hòa giải tại Ủy ban nhân dân cấp xã', 'copy'),
      optional('Giấy tờ, tài liệu, chứng cứ liên quan đến tranh chấp', 'copy'),
    ],
    onlineLevel: 'partial',
    steps: longSteps(),
    legalBasis: DAT_DAI_BASIS,
    source: DAT_DAI_SOURCE,
    sourceDate: DAT_DAI_DATE,
    keywords: ['giải quyết tranh chấp đất', 'khiếu kiện đất đai'],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Hộ kinh doanh (Nghị định 168/2025/NĐ-CP: Phòng Kinh tế / Phòng Kinh tế, Hạ tầng và Đô thị cấp xã)
// ---------------------------------------------------------------------------------------------------------
const HKD_AGENCY = 'Phòng Kinh tế (hoặc Phòng Kinh tế, Hạ tầng và Đô thị) thuộc Ủy ban nhân dân cấp xã';
const HKD_FORM = 'Mẫu ban hành kèm Thông tư của Bộ Tài chính hướng dẫn Nghị định 168/2025/NĐ-CP';
const HO_KINH_DOANH: CatalogProcedure[] = [
  {
    code: '1.001612',
    name: 'Đăng ký thành lập hộ kinh doanh',
    field: 'Thành lập và hoạt động của hộ kinh doanh',
    competence: 'commune',
    competentAgency: HKD_AGENCY,
    limit: workingDays(3),
    fee: {
      amount: 100000,
      text: `${HDND_FEE} (mặc định: 100.000 đồng/lần; nhiều tỉnh miễn khi nộp trực tuyến)`,
    },
    components: [
      doc('Giấy đề nghị đăng ký hộ kinh doanh', 'original', { form: HKD_FORM }),
      optional(
        'Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (các thành viên hộ gia đình cùng đăng ký)',
        'copy',
      ),
      optional(
        'Văn bản ủy quyền của các thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh',
        'copy',
      ),
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: HKD_BASIS,
    source: HKD_SOURCE,
    sourceDate: HKD_DATE,
    keywords: ['đăng ký kinh doanh', 'mở quán', 'giấy phép kinh doanh hộ cá thể', 'hộ kinh doanh'],
  },
  {
    code: '2.000720',
    name: 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
    field: 'Thành lập và hoạt động của hộ kinh doanh',
    competence: 'commune',
    competentAgency: HKD_AGENCY,
    limit: workingDays(3),
    fee: { amount: 50000, text: `${HDND_FEE} (mặc định: 50.000 đồng/lần; verify)` },
    components: [doc('Thông báo thay đổi nội dung đăng ký hộ kinh doanh', 'original', { form: HKD_FORM })],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: HKD_BASIS,
    source: HKD_SOURCE,
    sourceDate: HKD_DATE,
    keywords: ['đổi ngành nghề kinh doanh', 'đổi địa chỉ kinh doanh', 'thay đổi hộ kinh doanh'],
  },
  {
    code: '1.001570',
    name: 'Tạm ngừng hoạt động hộ kinh doanh',
    field: 'Thành lập và hoạt động của hộ kinh doanh',
    competence: 'commune',
    competentAgency: HKD_AGENCY,
    limit: workingDays(3),
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Thông báo về việc tạm ngừng kinh doanh của hộ kinh doanh', 'original', { form: HKD_FORM }),
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: HKD_BASIS,
    source: HKD_SOURCE,
    sourceDate: HKD_DATE,
    keywords: ['tạm nghỉ kinh doanh', 'tạm ngừng hộ kinh doanh'],
  },
  {
    code: '1.001266',
    name: 'Chấm dứt hoạt động hộ kinh doanh',
    field: 'Thành lập và hoạt động của hộ kinh doanh',
    competence: 'commune',
    competentAgency: HKD_AGENCY,
    limit: workingDays(3),
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Thông báo về việc chấm dứt hoạt động hộ kinh doanh', 'original', { form: HKD_FORM }),
      optional('Thông báo của cơ quan thuế về việc hộ kinh doanh đã hoàn thành nghĩa vụ thuế', 'copy'),
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: HKD_BASIS,
    source: HKD_SOURCE,
    sourceDate: HKD_DATE,
    keywords: ['đóng cửa hộ kinh doanh', 'giải thể hộ kinh doanh', 'chấm dứt kinh doanh'],
  },
  {
    code: '2.000575',
    name: 'Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh',
    field: 'Thành lập và hoạt động của hộ kinh doanh',
    competence: 'commune',
    competentAgency: HKD_AGENCY,
    limit: workingDays(3),
    fee: { amount: 0, text: `${HDND_FEE} (nếu có)` },
    components: [
      doc('Giấy đề nghị cấp lại Giấy chứng nhận đăng ký hộ kinh doanh', 'original', { form: HKD_FORM }),
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: HKD_BASIS,
    source: HKD_SOURCE,
    sourceDate: HKD_DATE,
    keywords: ['mất giấy phép kinh doanh', 'cấp lại giấy đăng ký hộ kinh doanh'],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Xây dựng, giáo dục, văn hóa, tài nguyên nước
// ---------------------------------------------------------------------------------------------------------
const XD_BASIS = ['Luật Xây dựng 2014 (sửa đổi 2020)', 'Nghị định 175/2024/NĐ-CP'];
const KHAC: CatalogProcedure[] = [
  {
    code: '1.013225',
    name: 'Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV và nhà ở riêng lẻ',
    field: 'Hoạt động xây dựng',
    competence: 'commune', // cấp huyện -> cấp xã từ 01/7/2025
    competentAgency: UBND_XA,
    // Luật Xây dựng art. 102: 15 ngày đối với nhà ở riêng lẻ, 20 ngày đối với công trình. verify: the
    // procedure rules are being replaced (third-party data cite Nghị định 217/2026/NĐ-CP from 01/7/2026).
    limit: workingDays(15),
    fee: {
      amount: 75000,
      text: `${HDND_FEE} (mặc định: 75.000 đồng/giấy phép nhà ở riêng lẻ; 150.000 đồng/giấy phép công trình)`,
    },
    components: [
      doc('Đơn đề nghị cấp giấy phép xây dựng', 'original', {
        form: 'Mẫu số 01 Phụ lục II Nghị định 175/2024/NĐ-CP',
      }),
      doc('Bản sao một trong những giấy tờ chứng minh quyền sử dụng đất', 'copy'),
      doc('02 bộ bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng, đấu nối hạ tầng)', 'copy', {
        copies: 2,
      }),
      optional(
        'Bản kê khai kinh nghiệm của tổ chức, cá nhân thiết kế (nhà ở riêng lẻ từ 7 tầng hoặc có tầng hầm)',
      ),
    ],
    onlineLevel: 'full',
    steps: longSteps(),
    legalBasis: XD_BASIS,
    source: 'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực hoạt động xây dựng)',
    sourceDate: '2024-12-30', // Nghị định 175/2024/NĐ-CP
    keywords: ['giấy phép xây dựng', 'xin phép xây nhà', 'xây nhà'],
  },
  {
    code: '1.013227',
    name: 'Gia hạn giấy phép xây dựng đối với công trình cấp III, cấp IV và nhà ở riêng lẻ',
    field: 'Hoạt động xây dựng',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: workingDays(5), // verify: Luật Xây dựng art. 102 (gia hạn, cấp lại: 05 ngày làm việc)
    fee: { amount: 15000, text: `${HDND_FEE} (mặc định: 15.000 đồng/giấy phép)` },
    components: [
      doc('Đơn đề nghị gia hạn giấy phép xây dựng', 'original', { form: 'Nghị định 175/2024/NĐ-CP' }),
      doc('Bản chính giấy phép xây dựng đã được cấp'),
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: XD_BASIS,
    source: 'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực hoạt động xây dựng)',
    sourceDate: '2024-12-30',
    keywords: ['gia hạn giấy phép xây dựng'],
  },
  {
    code: '2.002854',
    name: 'Chuyển trường và tiếp nhận học sinh',
    field: 'Giáo dục và Đào tạo',
    competence: 'commune',
    competentAgency:
      'Hiệu trưởng trường tiếp nhận (trường tiểu học, trung học cơ sở thuộc Ủy ban nhân dân cấp xã)',
    limit: workingDays(3), // verify
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Đơn xin chuyển trường do cha mẹ hoặc người giám hộ học sinh ký'),
      doc('Học bạ (bản chính)'),
      optional('Giấy giới thiệu chuyển trường của trường nơi đi'),
    ],
    onlineLevel: 'partial',
    steps: standardSteps(),
    legalBasis: ['Luật Giáo dục 2019', 'Nghị định 142/2025/NĐ-CP'], // verify
    source: 'Quyết định công bố TTHC lĩnh vực giáo dục của UBND cấp tỉnh (2025)',
    sourceDate: '2025-06-12', // verify
    keywords: ['chuyển trường', 'chuyển trường cho con', 'xin học trái tuyến'],
  },
  {
    code: '1.000954', // verify
    name: 'Xét tặng danh hiệu "Gia đình văn hóa" hằng năm',
    field: 'Văn hóa cơ sở',
    competence: 'commune',
    competentAgency: CHU_TICH_XA,
    limit: workingDays(5), // verify
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Biên bản họp bình xét của thôn, tổ dân phố kèm danh sách đề nghị'),
      doc('Văn bản đề nghị của Trưởng thôn, Tổ trưởng tổ dân phố'),
    ],
    onlineLevel: 'partial',
    steps: standardSteps(),
    legalBasis: ['Luật Thi đua, khen thưởng 2022', 'Nghị định 86/2023/NĐ-CP'],
    source: 'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực văn hóa cơ sở)',
    sourceDate: '2023-12-07', // verify: Nghị định 86/2023/NĐ-CP
    keywords: ['gia đình văn hóa', 'danh hiệu gia đình văn hóa'],
  },
  {
    code: '2.002835',
    name: 'Đăng ký khai thác nước mặt, nước biển, đăng ký sử dụng mặt nước, đào hồ, ao, sông, suối, kênh, mương, rạch',
    field: 'Tài nguyên nước',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: workingDays(10), // verify: Nghị định 54/2024/NĐ-CP
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Tờ khai đăng ký khai thác, sử dụng tài nguyên nước theo mẫu', 'original', {
        form: 'Nghị định 54/2024/NĐ-CP',
      }),
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: ['Luật Tài nguyên nước 2023', 'Nghị định 54/2024/NĐ-CP'],
    source: 'Quyết định công bố TTHC lĩnh vực tài nguyên nước của UBND cấp tỉnh (2025)',
    sourceDate: '2024-05-16', // verify: Nghị định 54/2024/NĐ-CP
    keywords: ['đào ao', 'khai thác nước', 'giếng khoan', 'đăng ký nước mặt'],
  },
];

/** Common commune-level procedures (competence 'commune' or 'delegated'). */
export const COMMUNE_PROCEDURES: CatalogProcedure[] = [
  ...HO_TICH,
  ...CHUNG_THUC,
  ...XA_HOI,
  ...DAT_DAI,
  ...HO_KINH_DOANH,
  ...KHAC,
];
