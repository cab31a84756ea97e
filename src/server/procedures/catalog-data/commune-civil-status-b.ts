/** Hộ tịch (civil status) procedures of the commune, part 2. */
import type { CatalogProcedure } from './catalog.types.ts';
import {
  sameDay,
  workingDays,
  calendarDays,
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

export const HO_TICH_B: CatalogProcedure[] = [
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
    // Nghị định 120/2025/NĐ-CP (11/6/2025), Phụ lục I mục 1.b: 05 ngày làm việc; cần xác minh thì không quá 10 ngày
    // làm việc (Luật Hộ tịch art. 38 had 15 ngày). The extension is the officer's to apply (dossier extension).
    limit: workingDays(5),
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
    code: '2.000779', // verify: the portal code
    name: 'Thủ tục đăng ký nhận cha, mẹ, con có yếu tố nước ngoài',
    field: 'Hộ tịch',
    competence: 'commune', // cấp huyện -> cấp xã từ 01/7/2025 (Nghị định 120/2025/NĐ-CP)
    competentAgency: UBND_XA,
    // Nghị định 120/2025/NĐ-CP (11/6/2025), Phụ lục I: 10 ngày làm việc, kể cả 05 ngày làm việc niêm yết công khai
    // tại trụ sở Ủy ban nhân dân cấp xã (Luật Hộ tịch art. 44 had 15 ngày). verify: the appendix item number.
    limit: workingDays(10),
    fee: { amount: 1000000, text: `${HDND_FEE} (mặc định: 1.000.000 đồng/trường hợp; verify)` },
    components: [
      doc('Tờ khai đăng ký nhận cha, mẹ, con theo mẫu', 'original', { form: HT_FORMS }),
      doc(
        'Giấy tờ, tài liệu, chứng cứ chứng minh quan hệ cha, mẹ, con (văn bản giám định ADN hoặc chứng cứ khác)',
      ),
      doc('Bản sao hộ chiếu hoặc giấy tờ có giá trị thay thế hộ chiếu của người nước ngoài', 'copy'),
      ID_PRESENTED,
    ],
    onlineLevel: 'partial',
    steps: longSteps(),
    legalBasis: HO_TICH_BASIS,
    source: HO_TICH_SOURCE,
    sourceDate: HO_TICH_DATE,
    keywords: ['nhận con có yếu tố nước ngoài', 'nhận cha người nước ngoài', 'con lai nhận cha'],
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
