import { registerMessages } from '../platform/i18n/messages.ts';

/** The texts of signing certificate uploads (docs/SIGNING.md). */
registerMessages({
  vi: {
    'signing.not_pkcs12': 'tệp không phải chứng thư số định dạng PKCS#12 (.p12, .pfx) hoặc bị hỏng',
    'signing.bad_password':
      'mật khẩu của tệp PKCS#12 không đúng (hoặc tệp dùng kiểu mã hóa không được hỗ trợ)',
    'signing.no_key': 'tệp PKCS#12 không chứa khóa bí mật',
    'signing.no_certificate': 'tệp PKCS#12 không chứa chứng thư số',
    'signing.key_mismatch': 'khóa bí mật không khớp với chứng thư số trong tệp',
    'signing.unsupported_key': 'chỉ hỗ trợ khóa RSA hoặc ECDSA P-256',
    'signing.expired': 'chứng thư số đã hết hạn',
    'signing.not_yet_valid': 'chứng thư số chưa đến thời hạn có hiệu lực',
    'signing.base64': 'tệp phải được mã hóa base64',
    'signing.unknown_account': 'không có tài khoản này tại đơn vị đã chọn',
    'signing.no_signing_key':
      'máy chủ chưa cấu hình khóa mã hóa chữ ký số (MOTCUA_SIGNING_KEY hoặc MOTCUA_SIGNING_KEY_FILE)',
  },
  en: {
    'signing.not_pkcs12': 'the file is not a PKCS#12 certificate (.p12, .pfx) or is damaged',
    'signing.bad_password': 'wrong password for the PKCS#12 file (or an encryption that is not supported)',
    'signing.no_key': 'the PKCS#12 file holds no private key',
    'signing.no_certificate': 'the PKCS#12 file holds no certificate',
    'signing.key_mismatch': 'the private key does not match the certificate in the file',
    'signing.unsupported_key': 'only RSA and ECDSA P-256 keys are supported',
    'signing.expired': 'the certificate has expired',
    'signing.not_yet_valid': 'the certificate is not valid yet',
    'signing.base64': 'the file must be base64-encoded',
    'signing.unknown_account': 'no such account in the chosen unit',
    'signing.no_signing_key':
      'the server has no key to encrypt signing keys (MOTCUA_SIGNING_KEY or MOTCUA_SIGNING_KEY_FILE)',
  },
  ru: {
    'signing.not_pkcs12': 'файл не является сертификатом PKCS#12 (.p12, .pfx) или повреждён',
    'signing.bad_password': 'неверный пароль файла PKCS#12 (или неподдерживаемый способ шифрования)',
    'signing.no_key': 'в файле PKCS#12 нет закрытого ключа',
    'signing.no_certificate': 'в файле PKCS#12 нет сертификата',
    'signing.key_mismatch': 'закрытый ключ не соответствует сертификату в файле',
    'signing.unsupported_key': 'поддерживаются только ключи RSA и ECDSA P-256',
    'signing.expired': 'срок действия сертификата истёк',
    'signing.not_yet_valid': 'срок действия сертификата ещё не начался',
    'signing.base64': 'файл должен быть в кодировке base64',
    'signing.unknown_account': 'в выбранной единице нет такой учётной записи',
    'signing.no_signing_key':
      'на сервере не настроен ключ шифрования ключей подписи (MOTCUA_SIGNING_KEY или MOTCUA_SIGNING_KEY_FILE)',
  },
});
