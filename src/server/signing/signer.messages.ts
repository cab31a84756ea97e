import { registerMessages } from '../platform/i18n/messages.ts';

/**
 * Why a PKCS#11 token or a remote signing service could not sign (docs/SIGNING.md, "PKCS#11 token" and "Remote
 * signing service"). Each is the `{rule}` of SIGNER_UNAVAILABLE; the technical cause goes to the log, not the user.
 */
registerMessages({
  vi: {
    'signer.pkcs11_unavailable': 'máy chủ chưa cài thư viện pkcs11js để dùng thiết bị ký số (token)',
    'signer.pkcs11_module':
      'không nạp được thư viện PKCS#11 của thiết bị ký số; kiểm tra đường dẫn MOTCUA_PKCS11_MODULE',
    'signer.token_absent': 'không tìm thấy thiết bị ký số (token); hãy cắm token và thử lại',
    'signer.pin_missing': 'chưa cấu hình mã PIN của thiết bị ký số',
    'signer.pin_incorrect': 'mã PIN của thiết bị ký số không đúng',
    'signer.pin_locked':
      'thiết bị ký số đã bị khóa do nhập sai PIN nhiều lần; liên hệ tổ chức cung cấp chữ ký số',
    'signer.key_not_found': 'không tìm thấy khóa ký trên thiết bị ký số',
    'signer.certificate_not_found': 'không tìm thấy chứng thư số của khóa ký',
    'signer.key_unsupported': 'loại khóa không được hỗ trợ (chỉ RSA hoặc ECDSA P-256)',
    'signer.token_error': 'thiết bị ký số báo lỗi; xem nhật ký máy chủ',
    'signer.token_missing': 'chưa cấu hình token truy cập dịch vụ ký số từ xa',
    'signer.remote_unreachable': 'không kết nối được dịch vụ ký số từ xa',
    'signer.remote_timeout': 'dịch vụ ký số từ xa không trả lời kịp thời',
    'signer.remote_untrusted':
      'chứng thư TLS của dịch vụ ký số từ xa không được tin cậy; kiểm tra tệp chứng thư CA đã cấu hình',
    'signer.remote_unauthorized': 'dịch vụ ký số từ xa từ chối thông tin xác thực (token truy cập)',
    'signer.remote_refused': 'dịch vụ ký số từ xa từ chối yêu cầu ký',
    'signer.remote_server_error': 'dịch vụ ký số từ xa gặp lỗi',
    'signer.remote_malformed': 'dịch vụ ký số từ xa trả lời sai định dạng',
    'signer.signature_mismatch': 'chữ ký nhận được không khớp với chứng thư số của người ký',
  },
  en: {
    'signer.pkcs11_unavailable': 'the server lacks the pkcs11js library needed to use a signing token',
    'signer.pkcs11_module':
      'the signing token’s PKCS#11 module could not be loaded; check MOTCUA_PKCS11_MODULE',
    'signer.token_absent': 'the signing token was not found; plug the token in and retry',
    'signer.pin_missing': 'the signing token’s PIN is not configured',
    'signer.pin_incorrect': 'the signing token’s PIN is incorrect',
    'signer.pin_locked':
      'the signing token is locked after too many wrong PINs; contact the certificate provider',
    'signer.key_not_found': 'the signing key was not found on the token',
    'signer.certificate_not_found': 'the signing key’s certificate was not found',
    'signer.key_unsupported': 'unsupported key type (only RSA or ECDSA P-256)',
    'signer.token_error': 'the signing token reported an error; see the server log',
    'signer.token_missing': 'the remote signing service’s access token is not configured',
    'signer.remote_unreachable': 'the remote signing service cannot be reached',
    'signer.remote_timeout': 'the remote signing service did not answer in time',
    'signer.remote_untrusted':
      'the remote signing service’s TLS certificate is not trusted; check the configured CA certificate file',
    'signer.remote_unauthorized': 'the remote signing service rejected the credentials (access token)',
    'signer.remote_refused': 'the remote signing service refused the signing request',
    'signer.remote_server_error': 'the remote signing service failed',
    'signer.remote_malformed': 'the remote signing service gave a malformed answer',
    'signer.signature_mismatch': 'the signature received does not match the signer’s certificate',
  },
  ru: {
    'signer.pkcs11_unavailable': 'на сервере нет библиотеки pkcs11js для работы с токеном подписи',
    'signer.pkcs11_module': 'не удалось загрузить модуль PKCS#11 токена; проверьте MOTCUA_PKCS11_MODULE',
    'signer.token_absent': 'токен подписи не найден; подключите токен и повторите',
    'signer.pin_missing': 'PIN-код токена подписи не настроен',
    'signer.pin_incorrect': 'неверный PIN-код токена подписи',
    'signer.pin_locked':
      'токен подписи заблокирован после неверных PIN-кодов; обратитесь в удостоверяющий центр',
    'signer.key_not_found': 'ключ подписи на токене не найден',
    'signer.certificate_not_found': 'сертификат ключа подписи не найден',
    'signer.key_unsupported': 'неподдерживаемый тип ключа (только RSA или ECDSA P-256)',
    'signer.token_error': 'токен подписи сообщил об ошибке; см. журнал сервера',
    'signer.token_missing': 'токен доступа к удалённому сервису подписи не настроен',
    'signer.remote_unreachable': 'удалённый сервис подписи недоступен',
    'signer.remote_timeout': 'удалённый сервис подписи не ответил вовремя',
    'signer.remote_untrusted':
      'TLS-сертификат удалённого сервиса подписи не является доверенным; проверьте настроенный файл сертификатов УЦ',
    'signer.remote_unauthorized': 'удалённый сервис подписи отклонил учётные данные (токен доступа)',
    'signer.remote_refused': 'удалённый сервис подписи отклонил запрос на подпись',
    'signer.remote_server_error': 'ошибка удалённого сервиса подписи',
    'signer.remote_malformed': 'удалённый сервис подписи вернул ответ неверного формата',
    'signer.signature_mismatch': 'полученная подпись не соответствует сертификату подписанта',
  },
});
