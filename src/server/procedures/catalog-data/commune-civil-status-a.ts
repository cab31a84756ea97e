/** Hộ tịch (civil status) procedures of the commune, part 1. */
import type { CatalogProcedure } from './catalog.types.ts';
import {
  sameDay,
  workingDays,
  counterSteps,
  standardSteps,
  longSteps,
  doc,
  optional,
  UBND_XA,
  HT_FORMS,
  ID_PRESENTED,
  RESIDENCE_OPTIONAL,
  AUTHORISATION_OPTIONAL,
  HO_TICH_BASIS,
  HO_TICH_SOURCE,
  HO_TICH_DATE,
  HDND_FEE,
  HT_EXEMPT,
} from './catalog-helpers.ts';

export const HO_TICH_A: CatalogProcedure[] = [
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
    // Nghị định 63/2024/NĐ-CP (10/6/2024) art. 5: nhóm thủ tục liên thông đăng ký khai sinh - đăng ký thường trú -
    // cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi. The card (căn cước) is not part of this group: issue 11.
    name: 'Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
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
      doc('Tờ khai điện tử liên thông (khai sinh, thường trú, bảo hiểm y tế)', 'original'),
      doc('Giấy chứng sinh (bản điện tử hoặc bản chụp)', 'original_or_copy'),
      optional('Văn bản đồng ý của chủ hộ / chủ sở hữu chỗ ở hợp pháp cho trẻ đăng ký thường trú'),
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: [...HO_TICH_BASIS, 'Luật Cư trú 2020', 'Luật Bảo hiểm y tế', 'Nghị định 63/2024/NĐ-CP'],
    source:
      'Cổng Dịch vụ công quốc gia (mã 3.000722, nhóm liên thông theo Nghị định 63/2024/NĐ-CP ngày 10/6/2024)',
    sourceDate: '2024-06-10', // Nghị định 63/2024/NĐ-CP
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
      // Nghị định 123/2015/NĐ-CP as amended by Nghị định 07/2025/NĐ-CP (09/01/2025) art. 2: no marital-status
      // certificate is asked for when the registry can look the status up (Cơ sở dữ liệu hộ tịch điện tử, Cơ sở
      // dữ liệu quốc gia về dân cư). verify: the clause number within art. 2.
      optional(
        'Giấy xác nhận tình trạng hôn nhân (chỉ khi cơ quan đăng ký hộ tịch không khai thác được thông tin về tình trạng hôn nhân trong Cơ sở dữ liệu hộ tịch điện tử, Cơ sở dữ liệu quốc gia về dân cư)',
      ),
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
    // Luật Hộ tịch art. 34.2: ngay sau khi nhận đủ giấy tờ. Art. 34 grants no extension for verification (an
    // earlier note here said "03 ngày làm việc"; that was wrong, issue 11).
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
];
