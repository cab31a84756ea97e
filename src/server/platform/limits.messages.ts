import { registerMessages } from './i18n/messages.ts';

/** The texts of input limits and failure modes (docs/SECURITY.md, "Input limits and failure modes"). */
registerMessages({
  vi: {
    STORAGE_FULL:
      'Bộ nhớ máy chủ đã đầy; chưa lưu được. Hãy báo quản trị viên giải phóng dung lượng rồi thử lại',
    FILE_MISSING:
      'Tệp đính kèm không còn trên máy chủ (đã bị xóa hoặc mất); hãy báo quản trị viên khôi phục từ bản sao lưu',
    'rule.plainLine': 'không được chứa ký tự điều khiển, xuống dòng, tab hoặc ký tự đổi chiều văn bản (bidi)',
    'rule.plainText': 'không được chứa ký tự điều khiển hoặc ký tự đổi chiều văn bản (bidi)',
    'rule.dateRange': 'ngày nằm ngoài khoảng cho phép',
    'rule.pastDate': 'phải từ 01/01/1990 đến thời điểm hiện tại',
    'rule.birthDate': 'ngày sinh phải từ 01/01/1900 đến hôm nay',
    'extension.tooFar': 'hạn mới không được quá một năm sau hạn hiện tại',
  },
  en: {
    STORAGE_FULL:
      'The server storage is full; nothing was saved. Ask the administrator to free space, then retry',
    FILE_MISSING:
      'The attachment file is no longer on the server (deleted or lost); ask the administrator to restore it from a backup',
    'rule.plainLine':
      'must not contain control characters, line breaks, tabs or text-direction (bidi) characters',
    'rule.plainText': 'must not contain control characters or text-direction (bidi) override characters',
    'rule.dateRange': 'the date is outside the allowed range',
    'rule.pastDate': 'must be between 01/01/1990 and now',
    'rule.birthDate': 'the date of birth must be between 01/01/1900 and today',
    'extension.tooFar': 'the new due must not be more than one year after the current due',
  },
  ru: {
    STORAGE_FULL:
      'Хранилище сервера заполнено; ничего не сохранено. Попросите администратора освободить место и повторите',
    FILE_MISSING:
      'Файла вложения больше нет на сервере (удалён или утерян); попросите администратора восстановить его из резервной копии',
    'rule.plainLine':
      'не должно содержать управляющих символов, переводов строки, табуляций и символов направления текста (bidi)',
    'rule.plainText':
      'не должно содержать управляющих символов и символов переопределения направления текста (bidi)',
    'rule.dateRange': 'дата вне допустимого диапазона',
    'rule.pastDate': 'должна быть между 01/01/1990 и текущим моментом',
    'rule.birthDate': 'дата рождения должна быть между 01/01/1900 и сегодняшним днём',
    'extension.tooFar': 'новый срок не может быть позже чем через год после текущего срока',
  },
});
