/**
 * One sender per channel. Email goes through a real SMTP server (nodemailer); SMS and Zalo go through the
 * `PhoneGateway` adapter, whose default writes a log line instead of sending (a province plugs in its provider's
 * adapter). A channel without a sender is recorded `not_sent: no channel` by the delivery job.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { maskPhone } from '../../shared/identity/cccd.ts';
import type { AppConfig } from '../config.ts';
import type { Channel } from './notification.table.ts';

export interface OutgoingNotice {
  /** The email address or phone number. */
  to: string;
  subject: string;
  body: string;
  /** The outbox row's id, kind and dossier (a template channel such as Zalo ZNS needs them). */
  id?: string;
  kind?: string;
  dossierCode?: string | null;
}

/** A notice its channel cannot carry (no template for its kind): recorded `not_sent`, never retried. */
export class NotSendable extends Error {}

/** Delivers one notice on its channel or throws (the delivery job retries with backoff). */
export interface Sender {
  send(notice: OutgoingNotice): Promise<void>;
}

export type Senders = Partial<Record<Channel, Sender>>;

/** Email through an SMTP server. */
export class SmtpSender implements Sender {
  private readonly transport: Transporter;
  private readonly from: string;
  constructor(
    smtp: string | { host: string; port: number; secure?: boolean; user?: string; pass?: string },
    from: string,
  ) {
    this.from = from;
    this.transport =
      typeof smtp === 'string'
        ? nodemailer.createTransport(smtp)
        : nodemailer.createTransport({
            host: smtp.host,
            port: smtp.port,
            secure: smtp.secure ?? smtp.port === 465,
            ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass ?? '' } } : {}),
            connectionTimeout: 10_000,
            greetingTimeout: 10_000,
            socketTimeout: 20_000,
          });
  }
  async send(n: OutgoingNotice): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: n.to, subject: n.subject, text: n.body });
  }
  close(): void {
    this.transport.close();
  }
}

/** An SMS or Zalo provider: the one method a province's adapter implements. */
export interface PhoneGateway {
  sendText(phone: string, text: string): Promise<void>;
}

/** The default gateway: a log line per message (the number masked), nothing leaves the server. */
export class LoggingGateway implements PhoneGateway {
  private readonly channel: 'sms' | 'zalo';
  private readonly log: (line: string) => void;
  constructor(channel: 'sms' | 'zalo', log: (line: string) => void) {
    this.channel = channel;
    this.log = log;
  }
  sendText(phone: string, text: string): Promise<void> {
    this.log(`${this.channel} to ${maskPhone(phone)}: ${text.replace(/\s+/g, ' ').slice(0, 160)}`);
    return Promise.resolve();
  }
}

/** A phone channel's sender: the subject and the body as one short text. */
export class PhoneSender implements Sender {
  private readonly gateway: PhoneGateway;
  constructor(gateway: PhoneGateway) {
    this.gateway = gateway;
  }
  send(n: OutgoingNotice): Promise<void> {
    return this.gateway.sendText(n.to, `${n.subject}. ${n.body}`);
  }
}

/** A Vietnamese mobile number as Zalo wants it: 84 and the number without its leading 0. */
export function zaloPhone(phone: string): string {
  const digits = phone.replace(/[^\d]/g, '');
  return digits.startsWith('84') ? digits : digits.startsWith('0') ? `84${digits.slice(1)}` : digits;
}

/**
 * Zalo notices through the Zalo OA's ZNS template API (docs/NOTIFICATIONS.md "Zalo"): one POST per notice to
 * `url` with the OA's access token, the phone, the approved template for the notice's kind and its parameters
 * (`ma_ho_so`, `tieu_de`). Zalo answers `{ error: 0 }` on success; any other answer is a failure the delivery job
 * retries. A kind without a template is not sent (NotSendable).
 */
export class ZaloZnsSender implements Sender {
  private readonly url: string;
  private readonly token: string;
  private readonly templates: ReadonlyMap<string, string>;
  constructor(url: string, token: string, templates: ReadonlyMap<string, string>) {
    this.url = url;
    this.token = token;
    this.templates = templates;
  }
  async send(n: OutgoingNotice): Promise<void> {
    const template = n.kind ? this.templates.get(n.kind) : undefined;
    if (!template) throw new NotSendable(`no zalo template for ${n.kind ?? 'this notice'}`);
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', access_token: this.token },
      body: JSON.stringify({
        phone: zaloPhone(n.to),
        template_id: template,
        template_data: { ma_ho_so: n.dossierCode ?? '', tieu_de: n.subject.slice(0, 100) },
        ...(n.id ? { tracking_id: n.id } : {}),
      }),
      signal: AbortSignal.timeout(15_000),
    });
    const answer = (await res.json().catch(() => null)) as { error?: number; message?: string } | null;
    if (!res.ok || answer?.error !== 0)
      throw new Error(`zalo ${res.status} ${answer?.error ?? ''} ${answer?.message ?? ''}`.trim());
  }
}

/** `receipt=123,result_ready=456` → the template of each kind. */
export function parseZaloTemplates(text: string | undefined): Map<string, string> {
  return new Map(
    (text ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => pair.split('=') as [string, string]),
  );
}

/** The senders the configuration asks for (docs/NOTIFICATIONS.md "Settings"). */
export function sendersFromConfig(config: AppConfig, log: (line: string) => void): Senders {
  const senders: Senders = {};
  const from = config.MOTCUA_SMTP_FROM;
  if (config.MOTCUA_SMTP_URL) senders.email = new SmtpSender(config.MOTCUA_SMTP_URL, from);
  else if (config.MOTCUA_SMTP_HOST)
    senders.email = new SmtpSender(
      {
        host: config.MOTCUA_SMTP_HOST,
        port: config.MOTCUA_SMTP_PORT,
        user: config.MOTCUA_SMTP_USER,
        pass: config.MOTCUA_SMTP_PASSWORD,
      },
      from,
    );
  if (config.MOTCUA_SMS_ADAPTER === 'log') senders.sms = new PhoneSender(new LoggingGateway('sms', log));
  if (config.MOTCUA_ZALO_ADAPTER === 'log') senders.zalo = new PhoneSender(new LoggingGateway('zalo', log));
  if (config.MOTCUA_ZALO_ADAPTER === 'zns')
    senders.zalo = new ZaloZnsSender(
      config.MOTCUA_ZALO_ZNS_URL,
      config.MOTCUA_ZALO_ACCESS_TOKEN!,
      parseZaloTemplates(config.MOTCUA_ZALO_TEMPLATES),
    );
  return senders;
}
