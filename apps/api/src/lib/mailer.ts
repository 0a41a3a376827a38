/**
 * Reminders by e-mail (optional: only with SMTP_URL). Mail leaves after the workflow's transaction
 * has committed and never holds up or fails the request; a failure is logged in one line without
 * the server's address or credentials (docs/decisions/0026-reminders.md).
 */
import { notificationMail } from '@chitieu/core';
import { type Db, mailsFor } from '@chitieu/db';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** The address people open (PUBLIC_URL), for a link in the mail; null: no link. */
  publicUrl: string | null;
}

/** An SMTP mailer for SMTP_URL and SMTP_FROM (env.ts has checked both). */
export function smtpMailer(smtp: { url: string; from: string }, publicUrl: string | null = null): Mailer {
  // nodemailer loads on the first mail, not at start: most installations send none for hours.
  const transport = import('nodemailer').then(({ createTransport }) =>
    createTransport(
      // Short limits: a mail server that does not answer must not keep sends piling up.
      { url: smtp.url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 },
      { from: smtp.from },
    ),
  );
  // A failure to set up is reported by each send (a mail failure, logged), never as an unhandled rejection.
  transport.catch(() => undefined);
  return {
    publicUrl,
    send: async (message) => {
      await (await transport).sendMail(message);
    },
  };
}

/** A log line's worth of an error, without anything that could be a credential or an address. */
export function mailFailure(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown };
  const parts = [
    typeof e.code === 'string' ? e.code : null,
    typeof e.responseCode === 'number' ? e.responseCode : null,
  ];
  const known = parts.filter((p) => p !== null).join(' ');
  return known || (error instanceof Error ? error.name : 'lỗi không rõ');
}

/**
 * Mail the notifications `ids` to their recipients who have an address, after the transaction that
 * wrote them. Runs in the background; resolves when every message is sent or has failed.
 */
export function mailNotifications(db: Db, mailer: Mailer | null, ids: readonly number[]): Promise<void> {
  if (!mailer || ids.length === 0) return Promise.resolve();
  let rows: ReturnType<typeof mailsFor>;
  try {
    rows = mailsFor(db, ids);
  } catch (error) {
    console.error(`Thông báo: không đọc được thư cần gửi (${mailFailure(error)}).`);
    return Promise.resolve();
  }
  return Promise.all(
    rows.map(async (row) => {
      const link = mailer.publicUrl
        ? `${mailer.publicUrl.replace(/\/+$/, '')}/?page=entry&unit=${row.unitId}&period=${row.period.id}`
        : null;
      const { subject, text } = notificationMail({ ...row, link });
      try {
        await mailer.send({ to: row.email, subject, text });
      } catch (error) {
        console.error(`Thông báo #${row.id}: không gửi được thư (${mailFailure(error)}).`);
      }
    }),
  ).then(() => undefined);
}
