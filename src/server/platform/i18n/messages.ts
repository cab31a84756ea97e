import type { Locale } from './locale.ts';

type Dict = Record<string, string>;

/**
 * Server-side messages by key, in Vietnamese, English and Russian. `{name}` placeholders are filled from params.
 * Keys are error codes (for the top-level message) or `rule.*` keys (for field rules set in schemas as '@rule.x').
 */
const vi: Dict = {
  VALIDATION_FAILED: 'Dữ liệu không hợp lệ: {fields}',
  UNAUTHENTICATED: 'Cần đăng nhập để thực hiện thao tác này',
  INVALID_CREDENTIALS: 'Tên đăng nhập hoặc mật khẩu không đúng',
  ACCOUNT_LOCKED: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau {minutes} phút',
  ACCOUNT_DISABLED: 'Tài khoản đã bị vô hiệu hóa',
  RATE_LIMITED: 'Quá nhiều yêu cầu; vui lòng thử lại sau {seconds} giây',
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này',
  CSRF_REJECTED: 'Yêu cầu bị từ chối: nguồn gửi không hợp lệ (CSRF)',
  NOT_FOUND: 'Không tìm thấy {resource}',
  ROUTE_NOT_FOUND: 'Không có đường dẫn {method} {url}',
  CONFLICT: 'Xung đột dữ liệu: {reason}',
  UNSUPPORTED_MEDIA_TYPE: 'Định dạng nội dung không được hỗ trợ',
  BAD_REQUEST: 'Yêu cầu không hợp lệ: {reason}',
  PAYLOAD_TOO_LARGE: 'Nội dung gửi lên quá lớn',
  ARCHIVE_TOO_LARGE:
    'Tệp nén “{field}” quá lớn khi giải nén (tối đa {megabytes} MB, {entries} mục, nén không quá {ratio} lần)',
  WORK_LIMIT_EXCEEDED:
    'Tài liệu quá lớn để tạo trong giới hạn cho phép ({seconds} giây, {megabytes} MB bộ nhớ); hãy thu hẹp nội dung hoặc khoảng thời gian',
  SERVER_BUSY: 'Máy chủ đang bận tạo tài liệu khác; vui lòng thử lại sau {seconds} giây',
  SIGNER_UNAVAILABLE: 'Không ký số được: {rule}',
  'calendar.INVALID_LIMIT': 'thời hạn phải là số nguyên không âm',
  'calendar.INVALID_UNIT': 'đơn vị thời hạn phải là working_day, working_hour hoặc calendar_day',
  'calendar.INVALID_CUTOFF': 'giờ chốt phải có dạng HH:MM',
  'calendar.INVALID_DATE': 'ngày không hợp lệ (YYYY-MM-DD)',
  'calendar.INVALID_INSTANT': 'thời điểm không hợp lệ (ISO 8601, ví dụ 2026-02-13T16:00:00+07:00)',
  'calendar.INVALID_SPEC': 'lịch làm việc không hợp lệ',
  'calendar.OUT_OF_RANGE': 'ngoài phạm vi năm được hỗ trợ (1990-2100)',
  'calendar.EXTENSION_ALREADY_USED': 'hồ sơ đã được gia hạn một lần; không được gia hạn lần thứ hai',
  'calendar.EXTENSION_NOT_LATER': 'hạn mới phải sau hạn hiện tại',
  ILLEGAL_TRANSITION: 'Không thể thực hiện “{action}” ở trạng thái “{status}”',
  RULE_VIOLATION: 'Thao tác trái quy định: {rule}',
  EXTENSION_ALREADY_USED:
    'Hồ sơ đã được gia hạn một lần; không được gia hạn lần thứ hai (Điều 19.6 Nghị định 118/2025/NĐ-CP)',
  IDEMPOTENCY_KEY_REUSED: 'Khóa Idempotency-Key đã được dùng cho một yêu cầu khác',
  'rule.applicantName': 'họ tên người nộp phải có ít nhất 2 ký tự',
  'rule.idNumber': 'số định danh gồm 9-13 chữ số (CCCD 12 chữ số)',
  'rule.phone': 'số điện thoại gồm 10-11 chữ số, bắt đầu bằng 0 hoặc +84',
  'rule.verifyDigits': 'nhập đúng 4 chữ số cuối của số điện thoại (hoặc số CCCD nếu không có điện thoại)',
  'cccd.format': 'số CCCD phải gồm đúng 12 chữ số',
  'cccd.province':
    'ba chữ số đầu của CCCD không phải mã tỉnh nơi đăng ký khai sinh; nếu khai sinh được đăng ký ở nước ngoài, hãy chọn “Đăng ký khai sinh ở nước ngoài”',
  'cccd.abroad_province':
    'ba chữ số đầu của CCCD là mã tỉnh, tức khai sinh được đăng ký trong nước: bỏ chọn “Đăng ký khai sinh ở nước ngoài”',
  'cccd.birth_year_future': 'năm sinh theo số CCCD ở tương lai',
  'cccd.birth_year_mismatch': 'năm sinh trong số CCCD không khớp với ngày sinh',
  'cccd.sex_mismatch': 'giới tính trong số CCCD không khớp',
  'tax_code.format': 'mã số thuế gồm 10 hoặc 13 chữ số',
  'component.required': 'thành phần hồ sơ bắt buộc chưa có; hãy chọn “yêu cầu bổ sung” (Mẫu 02)',
  'supplement.items_required': 'phải liệt kê đầy đủ các thành phần cần bổ sung (một lần)',
  'procedure.unknown': 'không có thủ tục với mã này trong danh mục',
  'catalog.limit_fixed_by_law':
    'thời hạn giải quyết là quy định của pháp luật, tỉnh không được sửa (chỉ sửa trong danh mục quốc gia)',
  'catalog.competence_fixed_by_law':
    'thẩm quyền giải quyết là quy định của pháp luật, tỉnh không được sửa (chỉ sửa trong danh mục quốc gia)',
  'catalog.national_only':
    'trường này thuộc danh mục thủ tục quốc gia; tỉnh chỉ điều chỉnh phí, ghi chú và thành phần bổ sung',
  'catalog.component_duplicate': 'thành phần hồ sơ bổ sung bị trùng tên',
  'catalog.component_national': 'thành phần này đã có trong danh mục quốc gia; không cần bổ sung',
  'assignee.not_eligible': 'người được phân công phải là chuyên viên hoặc lãnh đạo đang hoạt động của xã',
  'cursor.invalid': 'con trỏ phân trang không hợp lệ',
  'file.empty': 'tệp tải lên trống',
  'file.type': 'chỉ nhận tệp PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp)',
  'file.xlsx_invalid':
    'tệp phải là bảng tính Excel (.xlsx) nguyên vẹn: tệp không phải tệp nén ZIP, bị cắt cụt hoặc có mật khẩu',
  'file.not_workbook': 'tệp nén không phải bảng tính Excel (.xlsx): thiếu xl/workbook.xml',
  'file.xlsx_unreadable': 'không đọc được bảng tính Excel (.xlsx): tệp bị hỏng',
  'supplement.window_passed': 'chỉ được yêu cầu bổ sung trong 3 ngày làm việc kể từ khi tiếp nhận',
  'supplement.once':
    'hồ sơ đã được yêu cầu bổ sung một lần; thành phần còn thiếu phải được yêu cầu một lần, đầy đủ',
  'extension.too_late': 'phải gia hạn chậm nhất 1 ngày làm việc trước hạn giải quyết',
  'petition.extensions_used':
    'đã gia hạn giải quyết tố cáo đủ số lần cho phép (vụ việc phức tạp một lần; đặc biệt phức tạp hai lần)',
  'petition.extension_not_allowed':
    'vụ việc tố cáo không phức tạp thì không được gia hạn thời hạn giải quyết (Luật Tố cáo 2018, Điều 30)',
  'petition.already_published': 'kết quả xử lý đã được công khai',
  'rule.petitionSubject': 'tóm tắt nội dung đơn phải có ít nhất 3 ký tự',
  'rule.petitionContent': 'nội dung đơn phải có ít nhất 10 ký tự',
  'petition.dossierUnknown': 'không có hồ sơ với mã này tại xã tiếp nhận đơn',
  'petition.knownInFuture': 'ngày nhận được hoặc biết quyết định không được ở tương lai',
  'petition.conclusion': 'kết luận không hợp lệ cho loại đơn này',
  'reception.chairmanWeekly':
    'Chủ tịch UBND xã phải trực tiếp tiếp công dân ít nhất 01 ngày trong 01 tuần (Luật Tiếp công dân 2013, Điều 15.2.d): lịch phải có ít nhất một buổi hằng tuần do Chủ tịch tiếp',
  'reception.petitionKind': 'chỉ khiếu nại, tố cáo, kiến nghị/phản ánh mới được tiếp nhận thành đơn',
  'reception.inFuture': 'thời điểm không được ở tương lai',
  'reception.tooOld': 'chỉ được ghi sổ buổi tiếp trong vòng 31 ngày',
  'reception.beforeReception': 'ngày trả lời không được trước ngày tiếp công dân',
  'reception.noReplyDue': 'buổi tiếp này không có nội dung phải trả lời (đã hướng dẫn, hoặc nội dung khác)',
  'reception.alreadyReplied': 'đã ghi nhận việc trả lời, thông báo cho buổi tiếp này',
  'rule.receptionTime': 'giờ phải có dạng HH:MM',
  'rule.receptionTimeOrder': 'giờ kết thúc phải sau giờ bắt đầu',
  'rule.receptionExtra': 'buổi tiếp bổ sung cần giờ bắt đầu, giờ kết thúc, người tiếp, chức vụ và địa điểm',
  'rule.receptionContent': 'nội dung phải có ít nhất 10 ký tự',
  'rule.receptionReply': 'nội dung trả lời phải có ít nhất 3 ký tự',
  'transfer.none': 'hồ sơ chưa được chuyển cho cơ quan nào, nên chưa có kết quả liên thông để nhận',
  'period.notDate': 'ngày phải có dạng YYYY-MM-DD',
  'period.notRealDate': 'không phải ngày có thật',
  'period.fromAfterTo': 'ngày bắt đầu không được sau ngày kết thúc',
  'audit.when': 'phải là ngày YYYY-MM-DD hoặc thời điểm ISO 8601 có múi giờ',
  'rule.auditAction':
    'loại thao tác gồm chữ thường, số, dấu chấm và gạch dưới, ví dụ petition. hoặc petition.view',
  'rule.communeCode': 'mã xã, phường gồm 5 chữ số',
  'rule.taskPerson': 'rõ người: chọn cán bộ thực hiện',
  'rule.taskWork': 'rõ việc: nêu việc phải làm (ít nhất 3 ký tự)',
  'rule.taskTime': 'rõ thời gian: nêu hạn hoàn thành hoặc số ngày làm việc',
  'rule.taskResponsibility': 'rõ trách nhiệm: nêu người thực hiện chịu trách nhiệm về điều gì',
  'rule.taskProduct': 'rõ sản phẩm: nêu kết quả phải nộp',
  'rule.taskAuthority': 'rõ thẩm quyền: nêu quyền hạn, nguồn lực hoặc văn bản giao việc',
  'task.personUnknown': 'không có cán bộ đang hoạt động với tên đăng nhập này',
  'task.timePast': 'hạn hoàn thành phải ở tương lai',
  'task.collaborator': 'người phối hợp phải là cán bộ khác đang hoạt động của cùng xã',
  'task.notLater': 'hạn mới phải sau hạn hiện tại và sau thời điểm hiện tại',
  INTERNAL: 'Lỗi hệ thống; vui lòng thử lại hoặc liên hệ quản trị viên',
  'rule.username': 'chỉ gồm chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang (3-64 ký tự)',
  'rule.password': 'mật khẩu phải có ít nhất 8 ký tự',
  'rule.unitCode': 'mã đơn vị hành chính gồm 2 hoặc 5 chữ số',
  'rule.provinceCode': 'mã tỉnh gồm 2 chữ số',
  'rule.required': 'bắt buộc',
  'rule.unitUnknown': 'không có đơn vị hành chính hiện hành với mã này',
  'rule.noNul': 'không được chứa ký tự NUL (U+0000)',
  'rule.areaClassSource':
    'phân loại khu vực (miền núi, biên giới, hải đảo, vùng khó khăn) phải ghi văn bản phân loại (số, ngày quyết định)',
};

const en: Dict = {
  VALIDATION_FAILED: 'Invalid input: {fields}',
  UNAUTHENTICATED: 'You need to sign in to do this',
  INVALID_CREDENTIALS: 'Wrong username or password',
  ACCOUNT_LOCKED: 'Account temporarily locked after repeated failed sign-ins; try again in {minutes} minutes',
  ACCOUNT_DISABLED: 'This account is disabled',
  RATE_LIMITED: 'Too many requests; try again in {seconds} seconds',
  FORBIDDEN: 'You are not allowed to do this',
  CSRF_REJECTED: 'Request rejected: cross-site origin (CSRF)',
  NOT_FOUND: '{resource} not found',
  ROUTE_NOT_FOUND: 'No route {method} {url}',
  CONFLICT: 'Conflict: {reason}',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
  BAD_REQUEST: 'Bad request: {reason}',
  PAYLOAD_TOO_LARGE: 'Request body too large',
  ARCHIVE_TOO_LARGE:
    'Archive “{field}” is too large once unzipped (at most {megabytes} MB, {entries} entries, compressed at most {ratio} times)',
  WORK_LIMIT_EXCEEDED:
    'The document is too large to produce within the limits ({seconds} s, {megabytes} MB of memory); narrow its content or period',
  SERVER_BUSY: 'The server is busy producing other documents; try again in {seconds} seconds',
  SIGNER_UNAVAILABLE: 'Could not sign digitally: {rule}',
  'calendar.INVALID_LIMIT': 'the limit must be a non-negative integer',
  'calendar.INVALID_UNIT': 'the unit must be working_day, working_hour or calendar_day',
  'calendar.INVALID_CUTOFF': 'the cut-off must be HH:MM',
  'calendar.INVALID_DATE': 'invalid date (YYYY-MM-DD)',
  'calendar.INVALID_INSTANT': 'invalid instant (ISO 8601, e.g. 2026-02-13T16:00:00+07:00)',
  'calendar.INVALID_SPEC': 'invalid working calendar',
  'calendar.OUT_OF_RANGE': 'outside the supported years (1990-2100)',
  'calendar.EXTENSION_ALREADY_USED':
    'the dossier was already extended once; a second extension is not allowed',
  'calendar.EXTENSION_NOT_LATER': 'the new due must be later than the current due',
  ILLEGAL_TRANSITION: 'Cannot “{action}” in status “{status}”',
  RULE_VIOLATION: 'Not allowed by the rules: {rule}',
  EXTENSION_ALREADY_USED:
    'The dossier was already extended once; a second extension is not allowed (Decree 118/2025 Art. 19.6)',
  IDEMPOTENCY_KEY_REUSED: 'This Idempotency-Key was used for a different request',
  'rule.applicantName': "the applicant's name needs at least 2 characters",
  'rule.idNumber': 'an identity number has 9-13 digits (CCCD: 12)',
  'rule.phone': 'a phone number has 10-11 digits and starts with 0 or +84',
  'rule.verifyDigits': 'type the last 4 digits of the phone number (of the ID number when there is no phone)',
  'cccd.format': 'a CCCD number has exactly 12 digits',
  'cccd.province':
    'the first three digits of the CCCD are not a province code; if the birth was registered abroad, tick “Birth registered abroad”',
  'cccd.abroad_province':
    'the first three digits of the CCCD are a province code, so the birth was registered in Viet Nam: untick “Birth registered abroad”',
  'cccd.birth_year_future': 'the birth year in the CCCD is in the future',
  'cccd.birth_year_mismatch': 'the birth year in the CCCD does not match the birth date',
  'cccd.sex_mismatch': 'the sex encoded in the CCCD does not match',
  'tax_code.format': 'a tax code has 10 or 13 digits',
  'component.required': 'a required component is missing; choose “request supplement” (Form 02)',
  'supplement.items_required': 'list every missing component, all at once',
  'procedure.unknown': 'no procedure with this code in the catalog',
  'catalog.limit_fixed_by_law':
    'the processing time limit is set by law; a province may not change it (only the national catalog can)',
  'catalog.competence_fixed_by_law':
    'the competence is set by law; a province may not change it (only the national catalog can)',
  'catalog.national_only':
    'this field belongs to the national catalog; a province may only set fees, notes and extra components',
  'catalog.component_duplicate': 'an extra component is listed twice',
  'catalog.component_national': 'this component is already in the national catalog; no need to add it',
  'assignee.not_eligible': 'the assignee must be an active specialist or leader of the commune',
  'cursor.invalid': 'invalid pagination cursor',
  'file.empty': 'the uploaded file is empty',
  'file.type': 'only PDF, JPEG or PNG files are accepted (checked by content)',
  'file.xlsx_invalid':
    'the file must be an intact Excel workbook (.xlsx): it is not a ZIP file, is truncated or is password-protected',
  'file.not_workbook': 'the archive is not an Excel workbook (.xlsx): xl/workbook.xml is missing',
  'file.xlsx_unreadable': 'the Excel workbook (.xlsx) cannot be read: the file is damaged',
  'supplement.window_passed': 'a supplement may be requested only within 3 working days of receipt',
  'supplement.once':
    'a supplement was already requested for this dossier; missing components are requested once and completely',
  'extension.too_late': 'an extension must be notified at least 1 working day before the due',
  'petition.extensions_used':
    'the denunciation has been extended as many times as allowed (once if complex; twice if especially complex)',
  'petition.extension_not_allowed':
    'an ordinary denunciation cannot be extended (Law on Denunciation 2018 Art. 30): only a complex case can',
  'petition.already_published': 'the answer has already been published',
  'rule.petitionSubject': 'the subject needs at least 3 characters',
  'rule.petitionContent': 'the content needs at least 10 characters',
  'petition.dossierUnknown': 'no dossier with this code in the receiving commune',
  'petition.knownInFuture': 'the date the decision was received or known cannot be in the future',
  'petition.conclusion': 'not a valid conclusion for this kind of petition',
  'reception.chairmanWeekly':
    'the commune chairman receives citizens in person at least one day a week (Law on Citizen Reception 2013, Art. 15.2.d): the schedule needs at least one weekly slot hosted by the chairman',
  'reception.petitionKind': 'only a complaint, denunciation or feedback can be received as a petition',
  'reception.inFuture': 'the instant cannot be in the future',
  'reception.tooOld': 'a reception can be entered in the register within 31 days only',
  'reception.beforeReception': 'the reply cannot be before the reception',
  'reception.noReplyDue': 'nothing awaits a reply for this reception (guided, or other content)',
  'reception.alreadyReplied': 'the reply or notice for this reception is already recorded',
  'rule.receptionTime': 'the time must be HH:MM',
  'rule.receptionTimeOrder': 'the end time must be after the start time',
  'rule.receptionExtra': 'an extra session needs start and end times, host, title and place',
  'rule.receptionContent': 'the content needs at least 10 characters',
  'rule.receptionReply': 'the reply needs at least 3 characters',
  'transfer.none': 'the dossier has not been transferred to any agency, so there is no answer to record',
  'period.notDate': 'must be a date YYYY-MM-DD',
  'period.notRealDate': 'is not a real date',
  'period.fromAfterTo': 'the start date must not be after the end date',
  'audit.when': 'must be a date YYYY-MM-DD or an ISO 8601 instant with its offset',
  'rule.auditAction':
    'an action is lower-case letters, digits, dots and underscores, e.g. petition. or petition.view',
  'rule.communeCode': 'a commune code has 5 digits',
  'rule.taskPerson': 'clear person: choose the officer who does it',
  'rule.taskWork': 'clear work: say what is to be done (at least 3 characters)',
  'rule.taskTime': 'clear time: give the deadline or a number of working days',
  'rule.taskResponsibility': 'clear responsibility: say what the person answers for',
  'rule.taskProduct': 'clear product: say what result is to be handed in',
  'rule.taskAuthority': 'clear authority: say what powers, resources or decision the task rests on',
  'task.personUnknown': 'no active officer has this username',
  'task.timePast': 'the deadline must be in the future',
  'task.collaborator': 'a collaborator must be another active officer of the same commune',
  'task.notLater': 'the new deadline must be after the current one and after now',
  INTERNAL: 'Internal error; please retry or contact the administrator',
  'rule.username': 'only lower-case letters without marks, digits, dot, underscore, hyphen (3-64 characters)',
  'rule.password': 'password must have at least 8 characters',
  'rule.unitCode': 'an administrative unit code has 2 or 5 digits',
  'rule.provinceCode': 'a province code has 2 digits',
  'rule.required': 'required',
  'rule.unitUnknown': 'no current administrative unit has this code',
  'rule.noNul': 'must not contain the NUL character (U+0000)',
  'rule.areaClassSource':
    'an area classification (mountainous, border, island, hardship) must name the act that classified it (number, date)',
};

const ru: Dict = {
  VALIDATION_FAILED: 'Неверные данные: {fields}',
  UNAUTHENTICATED: 'Для этого действия нужно войти в систему',
  INVALID_CREDENTIALS: 'Неверное имя пользователя или пароль',
  ACCOUNT_LOCKED:
    'Учётная запись временно заблокирована после неудачных попыток входа; повторите через {minutes} мин.',
  ACCOUNT_DISABLED: 'Учётная запись отключена',
  RATE_LIMITED: 'Слишком много запросов; повторите через {seconds} с',
  FORBIDDEN: 'У вас нет прав на это действие',
  CSRF_REJECTED: 'Запрос отклонён: межсайтовый источник (CSRF)',
  NOT_FOUND: '{resource}: не найдено',
  ROUTE_NOT_FOUND: 'Нет маршрута {method} {url}',
  CONFLICT: 'Конфликт данных: {reason}',
  UNSUPPORTED_MEDIA_TYPE: 'Неподдерживаемый тип содержимого',
  BAD_REQUEST: 'Неверный запрос: {reason}',
  PAYLOAD_TOO_LARGE: 'Слишком большой запрос',
  ARCHIVE_TOO_LARGE:
    'Архив «{field}» слишком велик после распаковки (не более {megabytes} МБ, {entries} файлов, степень сжатия не более {ratio})',
  WORK_LIMIT_EXCEEDED:
    'Документ слишком велик, чтобы сформировать его в пределах ограничений ({seconds} с, {megabytes} МБ памяти); сократите содержимое или период',
  SERVER_BUSY: 'Сервер занят формированием других документов; повторите через {seconds} с',
  SIGNER_UNAVAILABLE: 'Не удалось поставить электронную подпись: {rule}',
  'calendar.INVALID_LIMIT': 'срок должен быть целым неотрицательным числом',
  'calendar.INVALID_UNIT': 'единица срока: working_day, working_hour или calendar_day',
  'calendar.INVALID_CUTOFF': 'время отсечки в формате ЧЧ:ММ',
  'calendar.INVALID_DATE': 'неверная дата (ГГГГ-ММ-ДД)',
  'calendar.INVALID_INSTANT': 'неверный момент времени (ISO 8601, например 2026-02-13T16:00:00+07:00)',
  'calendar.INVALID_SPEC': 'неверный рабочий календарь',
  'calendar.OUT_OF_RANGE': 'вне поддерживаемых лет (1990-2100)',
  'calendar.EXTENSION_ALREADY_USED': 'срок уже продлевался один раз; повторное продление запрещено',
  'calendar.EXTENSION_NOT_LATER': 'новый срок должен быть позже текущего',
  ILLEGAL_TRANSITION: 'Действие «{action}» невозможно в статусе «{status}»',
  RULE_VIOLATION: 'Запрещено правилами: {rule}',
  EXTENSION_ALREADY_USED:
    'Срок уже продлевался один раз; повторное продление запрещено (ст. 19.6 Декрета 118/2025)',
  IDEMPOTENCY_KEY_REUSED: 'Этот Idempotency-Key уже использован для другого запроса',
  'rule.applicantName': 'имя заявителя — не менее 2 символов',
  'rule.idNumber': 'номер удостоверения: 9-13 цифр (CCCD: 12)',
  'rule.phone': 'телефон: 10-11 цифр, начинается с 0 или +84',
  'rule.verifyDigits': 'введите 4 последние цифры телефона (номера удостоверения, если телефона нет)',
  'cccd.format': 'номер CCCD состоит ровно из 12 цифр',
  'cccd.province':
    'первые три цифры CCCD не являются кодом провинции; если рождение зарегистрировано за границей, отметьте «Рождение зарегистрировано за границей»',
  'cccd.abroad_province':
    'первые три цифры CCCD — код провинции, то есть рождение зарегистрировано во Вьетнаме: снимите отметку «Рождение зарегистрировано за границей»',
  'cccd.birth_year_future': 'год рождения в номере CCCD в будущем',
  'cccd.birth_year_mismatch': 'год рождения в номере CCCD не совпадает с датой рождения',
  'cccd.sex_mismatch': 'пол в номере CCCD не совпадает',
  'tax_code.format': 'налоговый код: 10 или 13 цифр',
  'component.required': 'нет обязательного документа; выберите «запрос дополнения» (форма 02)',
  'supplement.items_required': 'перечислите все недостающие документы сразу',
  'procedure.unknown': 'в каталоге нет процедуры с таким кодом',
  'catalog.limit_fixed_by_law':
    'срок рассмотрения установлен законом; провинция не может его изменить (только национальный каталог)',
  'catalog.competence_fixed_by_law':
    'компетенция установлена законом; провинция не может её изменить (только национальный каталог)',
  'catalog.national_only':
    'это поле национального каталога; провинция задаёт только сборы, примечания и дополнительные документы',
  'catalog.component_duplicate': 'дополнительный документ указан дважды',
  'catalog.component_national': 'этот документ уже есть в национальном каталоге; добавлять не нужно',
  'assignee.not_eligible': 'исполнитель должен быть действующим специалистом или руководителем коммуны',
  'cursor.invalid': 'неверный курсор страницы',
  'file.empty': 'загруженный файл пуст',
  'file.type': 'принимаются только PDF, JPEG или PNG (проверяется по содержимому)',
  'file.xlsx_invalid':
    'файл должен быть целой книгой Excel (.xlsx): это не ZIP-архив, он обрезан или защищён паролем',
  'file.not_workbook': 'архив не является книгой Excel (.xlsx): нет xl/workbook.xml',
  'file.xlsx_unreadable': 'не удаётся прочитать книгу Excel (.xlsx): файл повреждён',
  'supplement.window_passed': 'дополнение можно запросить только в течение 3 рабочих дней после приёма',
  'supplement.once':
    'дополнение по этому делу уже запрашивалось; недостающее запрашивается один раз и полностью',
  'extension.too_late': 'о продлении нужно уведомить не позднее чем за 1 рабочий день до срока',
  'petition.extensions_used':
    'продление рассмотрения доноса уже использовано (сложное дело — один раз; особо сложное — дважды)',
  'petition.extension_not_allowed':
    'рассмотрение несложного доноса не продлевается (Закон о доносах 2018, ст. 30): только сложного дела',
  'petition.already_published': 'ответ уже опубликован',
  'rule.petitionSubject': 'тема — не менее 3 символов',
  'rule.petitionContent': 'содержание — не менее 10 символов',
  'petition.dossierUnknown': 'в принимающей коммуне нет дела с таким кодом',
  'petition.knownInFuture': 'дата получения или ознакомления с решением не может быть в будущем',
  'petition.conclusion': 'недопустимый вывод для этого вида обращения',
  'reception.chairmanWeekly':
    'председатель народного комитета коммуны лично принимает граждан не реже одного дня в неделю (Закон о приёме граждан 2013, ст. 15.2.d): в графике нужен хотя бы один еженедельный приём председателя',
  'reception.petitionKind':
    'обращением можно принять только жалобу, донос (сообщение о нарушении) или предложение',
  'reception.inFuture': 'момент не может быть в будущем',
  'reception.tooOld': 'приём можно внести в журнал только в течение 31 дня',
  'reception.beforeReception': 'ответ не может быть раньше приёма',
  'reception.noReplyDue': 'по этому приёму ответ не требуется (дано разъяснение или иное содержание)',
  'reception.alreadyReplied': 'ответ или уведомление по этому приёму уже записаны',
  'rule.receptionTime': 'время в формате ЧЧ:ММ',
  'rule.receptionTimeOrder': 'время окончания должно быть позже начала',
  'rule.receptionExtra':
    'для дополнительного приёма нужны время начала и конца, принимающий, должность и место',
  'rule.receptionContent': 'содержание — не менее 10 символов',
  'rule.receptionReply': 'ответ — не менее 3 символов',
  'transfer.none': 'дело не передавалось в другой орган, ответа от него быть не может',
  'period.notDate': 'дата в формате YYYY-MM-DD',
  'period.notRealDate': 'такой даты нет',
  'period.fromAfterTo': 'начало периода не может быть позже конца',
  'audit.when': 'нужна дата ГГГГ-ММ-ДД или момент ISO 8601 с часовым поясом',
  'rule.auditAction':
    'действие: строчные латинские буквы, цифры, точки и подчёркивания, например petition. или petition.view',
  'rule.communeCode': 'код коммуны: 5 цифр',
  'rule.taskPerson': 'ясный исполнитель: выберите сотрудника',
  'rule.taskWork': 'ясная работа: укажите, что сделать (не менее 3 символов)',
  'rule.taskTime': 'ясный срок: укажите дату или число рабочих дней',
  'rule.taskResponsibility': 'ясная ответственность: за что отвечает исполнитель',
  'rule.taskProduct': 'ясный результат: что должно быть сдано',
  'rule.taskAuthority': 'ясные полномочия: какие права, ресурсы или решение лежат в основе',
  'task.personUnknown': 'нет активного сотрудника с таким логином',
  'task.timePast': 'срок должен быть в будущем',
  'task.collaborator': 'соисполнитель — другой активный сотрудник той же коммуны',
  'task.notLater': 'новый срок должен быть позже текущего и позже настоящего момента',
  INTERNAL: 'Внутренняя ошибка; повторите попытку или обратитесь к администратору',
  'rule.username': 'только строчные латинские буквы, цифры, точка, подчёркивание, дефис (3-64 символа)',
  'rule.password': 'пароль должен содержать не менее 8 символов',
  'rule.unitCode': 'код административной единицы: 2 или 5 цифр',
  'rule.provinceCode': 'код провинции: 2 цифры',
  'rule.required': 'обязательно',
  'rule.unitUnknown': 'нет действующей административной единицы с таким кодом',
  'rule.noNul': 'не должно содержать символ NUL (U+0000)',
  'rule.areaClassSource':
    'для классификации местности (горная, приграничная, островная, трудная) укажите акт о ней (номер, дата)',
};

const DICTS: Record<Locale, Dict> = { vi, en, ru };

/** Adds messages for a feature (called once at module load by features that own their texts). */
export function registerMessages(messages: Record<Locale, Dict>): void {
  for (const locale of Object.keys(messages) as Locale[]) Object.assign(DICTS[locale], messages[locale]);
}

export function hasMessage(key: string): boolean {
  return key in DICTS.vi;
}

/** Whether the key has its own text in this language (no fallback to English). */
export function hasMessageIn(locale: Locale, key: string): boolean {
  return key in DICTS[locale];
}

export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const template = DICTS[locale][key] ?? DICTS.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    // A broken rule is named by its key (RULE_VIOLATION): say it in words.
    if (name === 'rule' && typeof value === 'string') return DICTS[locale][value] ?? DICTS.en[value] ?? value;
    return String(value);
  });
}
