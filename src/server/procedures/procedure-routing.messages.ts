import { registerMessages } from '../platform/i18n/messages.ts';

/** The texts of routing rules and leave (issue 12 item 3; docs/DOSSIERS.md, "Routing"). */
registerMessages({
  vi: {
    'routing.not_counter': 'thủ tục này không được xã cấu hình giải quyết tại quầy',
    'routing.counter_not_authorised':
      'công chức tiếp nhận chưa được Chủ tịch UBND xã ủy quyền ký chứng thực thủ tục này; trình lãnh đạo phê duyệt',
    'routing.counter_signs_needs_counter': 'chỉ ký tại quầy khi thủ tục được giải quyết tại quầy',
    'routing.counter_signs_not_allowed':
      'pháp luật không cho phép công chức tiếp nhận tự ký kết quả thủ tục này (chỉ lĩnh vực chứng thực, Nghị định 23/2015/NĐ-CP Điều 5 sửa đổi bởi Nghị định 280/2025/NĐ-CP)',
    'routing.authorisation_required': 'cần ghi số, ngày văn bản ủy quyền của Chủ tịch UBND xã',
    'assignee.on_leave': 'công chức này đang nghỉ phép; hãy chọn người khác',
    'rule.date': 'ngày không hợp lệ (định dạng yyyy-MM-dd, từ năm 2000 đến 2100)',
    'leave.order': 'ngày kết thúc nghỉ phải từ ngày bắt đầu nghỉ trở đi',
    'leave.both': 'phải nhập cả ngày bắt đầu và ngày kết thúc nghỉ (hoặc bỏ trống cả hai)',
    'leave.not_staff': 'chỉ đặt lịch nghỉ cho công chức của xã mình (không phải lãnh đạo)',
    'leave.too_long': 'một lần nghỉ dài tối đa 366 ngày',
    'leave.too_far': 'ngày bắt đầu nghỉ phải trong vòng một năm (366 ngày) so với hôm nay',
  },
  en: {
    'routing.not_counter': 'this commune does not resolve this procedure at the counter',
    'routing.counter_not_authorised':
      'the counter officer is not authorised by the commune Chairman to sign this certification; submit it to the leader',
    'routing.counter_signs_needs_counter': 'signing at the counter needs the counter route',
    'routing.counter_signs_not_allowed':
      'the law does not let the counter officer sign this procedure’s result alone (certification only, Decree 23/2015/NĐ-CP Art. 5 as amended by Decree 280/2025/NĐ-CP)',
    'routing.authorisation_required': 'give the number and date of the commune Chairman’s authorisation',
    'assignee.on_leave': 'this officer is on leave; choose someone else',
    'rule.date': 'not a valid date (yyyy-MM-dd, from 2000 to 2100)',
    'leave.order': 'the leave must end on or after the day it starts',
    'leave.both': 'give both the first and the last day of leave (or neither)',
    'leave.not_staff': 'leave is set only for your own commune’s staff (not for a leader)',
    'leave.too_long': 'one leave lasts at most 366 days',
    'leave.too_far': 'the leave must start within one year (366 days) of today',
  },
  ru: {
    'routing.not_counter': 'коммуна не решает эту процедуру у стойки приёма',
    'routing.counter_not_authorised':
      'сотрудник приёма не уполномочен председателем коммуны подписывать это удостоверение; передайте руководителю',
    'routing.counter_signs_needs_counter': 'подпись у стойки возможна только при маршруте «у стойки»',
    'routing.counter_signs_not_allowed':
      'закон не позволяет сотруднику приёма самому подписывать результат этой процедуры (только удостоверение, Постановление 23/2015/NĐ-CP ст. 5 в ред. Постановления 280/2025/NĐ-CP)',
    'routing.authorisation_required': 'укажите номер и дату доверенности председателя коммуны',
    'assignee.on_leave': 'этот сотрудник в отпуске; выберите другого',
    'rule.date': 'недопустимая дата (yyyy-MM-dd, с 2000 по 2100 год)',
    'leave.order': 'отпуск должен заканчиваться не раньше дня начала',
    'leave.both': 'укажите и первый, и последний день отпуска (или ни одного)',
    'leave.not_staff': 'отпуск назначается только сотрудникам своей коммуны (не руководителю)',
    'leave.too_long': 'один отпуск длится не более 366 дней',
    'leave.too_far': 'отпуск должен начинаться не дальше года (366 дней) от сегодняшнего дня',
  },
});
