import { registerMessages } from '../platform/i18n/messages.ts';
import { UPLOAD } from '../../shared/limits.ts';

const MB = 1_048_576;
const file = UPLOAD.fileBytes / MB;
const dossier = UPLOAD.dossierBytes / MB;
const chunk = UPLOAD.chunkBytes / MB;
const files = UPLOAD.files;
const pending = UPLOAD.pendingBytesPerAddress / MB;

/** The portal's rules, in Vietnamese, English and Russian (docs/PORTAL.md). */
registerMessages({
  vi: {
    'upload.unknown': 'không có tệp đang tải lên với mã này (hoặc tệp đã hết hạn, hãy tải lại)',
    'upload.incomplete': 'tệp chưa tải lên xong; hãy tiếp tục tải rồi nộp lại',
    'upload.fileTooLarge': `mỗi tệp tối đa ${file} MB`,
    'upload.dossierTooLarge': `các tệp của một hồ sơ cộng lại tối đa ${dossier} MB`,
    'upload.tooManyFiles': `một hồ sơ có tối đa ${files} tệp`,
    'upload.range':
      'Content-Range phải có dạng “bytes đầu-cuối/tổng” khớp với phần gửi lên và kích thước đã khai',
    'upload.offset': 'phần gửi lên phải bắt đầu đúng ở vị trí máy chủ đã nhận (hỏi lại bằng HEAD)',
    'upload.chunkTooLarge': `mỗi phần gửi lên tối đa ${chunk} MB`,
    'upload.firstChunk': 'phần đầu tiên phải có ít nhất 8 byte để kiểm tra loại tệp',
    'upload.duplicate': 'một tệp chỉ được đính kèm một lần',
    'upload.pendingTooLarge': `các tệp đang chờ nộp từ địa chỉ này đã tới ${pending} MB; hãy nộp hồ sơ hoặc thử lại sau`,
    'rating.notDelivered': 'chỉ đánh giá được hồ sơ đã trả kết quả',
    'rating.once': 'hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần',
    'rule.rating': 'mức đánh giá là số nguyên từ 1 đến 5',
    'template.component': 'thủ tục không có thành phần hồ sơ này',
  },
  en: {
    'upload.unknown': 'no upload with this id (or it has expired: upload the file again)',
    'upload.incomplete': 'the file has not been fully uploaded; finish the upload, then submit again',
    'upload.fileTooLarge': `each file may have at most ${file} MB`,
    'upload.dossierTooLarge': `the files of one dossier may have at most ${dossier} MB together`,
    'upload.tooManyFiles': `a dossier may have at most ${files} files`,
    'upload.range':
      'Content-Range must read “bytes first-last/total”, matching the chunk and the declared size',
    'upload.offset': 'a chunk must start where the server stopped (ask with HEAD)',
    'upload.chunkTooLarge': `each chunk may have at most ${chunk} MB`,
    'upload.firstChunk': 'the first chunk must have at least 8 bytes, to check the file type',
    'upload.duplicate': 'a file may be attached only once',
    'upload.pendingTooLarge': `uploads waiting from this address already reach ${pending} MB; submit the dossier or try later`,
    'rating.notDelivered': 'only a dossier whose result was delivered can be rated',
    'rating.once': 'this dossier has already been rated; a dossier is rated once',
    'rule.rating': 'the rating is a whole number from 1 to 5',
    'template.component': 'the procedure has no such component',
  },
  ru: {
    'upload.unknown': 'загрузка с таким идентификатором не найдена (или истекла: загрузите файл заново)',
    'upload.incomplete': 'файл загружен не полностью; завершите загрузку и отправьте снова',
    'upload.fileTooLarge': `каждый файл не более ${file} МБ`,
    'upload.dossierTooLarge': `файлы одного дела вместе не более ${dossier} МБ`,
    'upload.tooManyFiles': `в деле не более ${files} файлов`,
    'upload.range':
      'Content-Range должен иметь вид «bytes начало-конец/всего» и совпадать с частью и заявленным размером',
    'upload.offset': 'часть должна начинаться там, где остановился сервер (узнайте через HEAD)',
    'upload.chunkTooLarge': `каждая часть не более ${chunk} МБ`,
    'upload.firstChunk': 'первая часть должна содержать не менее 8 байт для проверки типа файла',
    'upload.duplicate': 'файл можно приложить только один раз',
    'upload.pendingTooLarge': `ожидающие загрузки с этого адреса уже достигли ${pending} МБ; подайте дело или повторите позже`,
    'rating.notDelivered': 'оценить можно только дело, результат которого выдан',
    'rating.once': 'это дело уже оценено; дело оценивается один раз',
    'rule.rating': 'оценка — целое число от 1 до 5',
    'template.component': 'у процедуры нет такого документа',
  },
});
