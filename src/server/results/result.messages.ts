import { registerMessages } from '../platform/i18n/messages.ts';

/** The texts of result documents, signing and the citizen's download (docs/ELECTRONIC-RESULTS.md). */
registerMessages({
  vi: {
    SIGNING_FAILED:
      'Không ký số được kết quả (lỗi chứng thư số, thiết bị ký hoặc dịch vụ ký); hồ sơ chưa được phê duyệt, hãy thử lại hoặc báo quản trị viên',
    'result.not_pdf': 'kết quả phải là tệp PDF (kiểm tra theo nội dung tệp, bắt đầu bằng %PDF-)',
    'result.unreadable': 'không đọc được tệp PDF: tệp bị hỏng hoặc không có trang nào',
    'result.encrypted': 'tệp PDF có mật khẩu hoặc bị mã hóa; hãy tải lên bản không mã hóa',
    'result.not_processing': 'chỉ đính kèm dự thảo kết quả khi hồ sơ đang giải quyết hoặc chờ phê duyệt',
    'result.already_signed': 'kết quả đã được ký số; không thay thế dự thảo được nữa',
    'result.draft_changed': 'dự thảo kết quả vừa được thay thế trong lúc ký; hãy xem lại và phê duyệt lại',
    'result.none': 'hồ sơ chưa có kết quả (dự thảo hoặc đã ký)',
    'result.not_available': 'hồ sơ chưa trả kết quả hoặc không có kết quả điện tử đã ký số',
    'result.no_contact':
      'hồ sơ không có số điện thoại hay thư điện tử để gửi mã; hãy liên hệ Bộ phận Một cửa',
    'result.code_none': 'chưa có mã xác thực còn hiệu lực; hãy yêu cầu gửi mã mới',
    'result.code_expired': 'mã xác thực đã hết hạn (10 phút); hãy yêu cầu gửi mã mới',
    'result.code_tries': 'đã nhập sai mã quá 5 lần; hãy yêu cầu gửi mã mới',
    'result.code_wrong': 'mã xác thực không đúng',
    'result.code_format': 'mã xác thực gồm 6 chữ số',
  },
  en: {
    SIGNING_FAILED:
      'The result could not be signed (certificate, signing token or signing service failed); the dossier was not approved: try again or tell the administrator',
    'result.not_pdf': 'the result must be a PDF file (checked by content: it starts with %PDF-)',
    'result.unreadable': 'the PDF cannot be read: it is damaged or has no page',
    'result.encrypted': 'the PDF is password-protected or encrypted; upload an unencrypted copy',
    'result.not_processing':
      'a draft result is attached only while the dossier is processed or awaits approval',
    'result.already_signed': 'the result is already signed; its draft can no longer be replaced',
    'result.draft_changed':
      'the draft result was replaced while it was being signed; review it and approve again',
    'result.none': 'the dossier has no result yet (neither a draft nor a signed one)',
    'result.not_available':
      'the dossier’s result has not been delivered, or it has no signed electronic result',
    'result.no_contact':
      'the dossier has no phone number or email to send the code to; contact the one-stop desk',
    'result.code_none': 'there is no valid code; ask for a new one',
    'result.code_expired': 'the code has expired (10 minutes); ask for a new one',
    'result.code_tries': 'the code was entered wrongly 5 times; ask for a new one',
    'result.code_wrong': 'the code is wrong',
    'result.code_format': 'the code has 6 digits',
  },
  ru: {
    SIGNING_FAILED:
      'Не удалось подписать результат (ошибка сертификата, токена или службы подписи); досье не утверждено: повторите попытку или сообщите администратору',
    'result.not_pdf': 'результат должен быть файлом PDF (проверяется по содержимому: начинается с %PDF-)',
    'result.unreadable': 'не удаётся прочитать PDF: файл повреждён или не содержит страниц',
    'result.encrypted': 'PDF защищён паролем или зашифрован; загрузите незашифрованную копию',
    'result.not_processing':
      'проект результата прикрепляется только пока досье рассматривается или ждёт утверждения',
    'result.already_signed': 'результат уже подписан; его проект больше нельзя заменить',
    'result.draft_changed': 'проект результата заменили во время подписания; проверьте его и утвердите снова',
    'result.none': 'у досье ещё нет результата (ни проекта, ни подписанного)',
    'result.not_available': 'результат досье не выдан или у него нет подписанного электронного результата',
    'result.no_contact':
      'в досье нет телефона или эл. почты для отправки кода; обратитесь в окно «одного окна»',
    'result.code_none': 'нет действующего кода; запросите новый',
    'result.code_expired': 'срок действия кода истёк (10 минут); запросите новый',
    'result.code_tries': 'код введён неверно 5 раз; запросите новый',
    'result.code_wrong': 'неверный код',
    'result.code_format': 'код состоит из 6 цифр',
  },
});
