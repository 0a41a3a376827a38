/**
 * Reminders by e-mail against a real SMTP server started here, on 127.0.0.1 at a free port: nothing
 * leaves the machine. A report sent → the approver's mailbox gets a Vietnamese message naming the
 * unit and the period; without SMTP_URL no mail is attempted; a mail server that refuses does not
 * fail the workflow, and the log names no credential.
 */
import type { AddressInfo } from 'node:net';
import { type Db, schema } from '@chitieu/db';
import { cloneDatabase, demoDatabase } from '@chitieu/db/testing';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadEnv } from '../env.ts';
import { loginAs, startTestServer } from '../testing.ts';
import { smtpMailer } from './mailer.ts';

const USER = 'chitieu';
const PASSWORD = 'mat-khau-smtp-rat-bi-mat';
const APPROVER_MAIL = 'duyet.phanthiet@example.org';

interface Received {
  from: string;
  to: string[];
  raw: string;
}
const mailbox: Received[] = [];
let connections = 0;
let smtp: SMTPServer;
let port: number;
let seeded: Db;

beforeAll(async () => {
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    onConnect: (_session, callback) => {
      connections++;
      callback();
    },
    onAuth: (auth, _session, callback) =>
      auth.username === USER && auth.password === PASSWORD
        ? callback(null, { user: USER })
        : callback(new Error('Sai tên hoặc mật khẩu')),
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mailbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  port = (smtp.server.address() as AddressInfo).port;
  seeded = demoDatabase().db;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));
// Each test reads the mail its own requests sent, whichever test ran before it.
beforeEach(() => {
  mailbox.length = 0;
  connections = 0;
});

/** The unit's and period's ids, and the approver's address set (as on the accounts page). */
function prepare(db: Db) {
  db.update(schema.users)
    .set({ email: APPROVER_MAIL })
    .where(eq(schema.users.username, 'duyet.phanthiet'))
    .run();
  const unit = (code: string) => db.select().from(schema.units).where(eq(schema.units.code, code)).get()?.id;
  return {
    phuThuy: unit('22924') as number,
    phuHai: unit('22921') as number,
    period: db
      .select()
      .from(schema.periods)
      .all()
      .find((p) => p.startDate === '2024-07-01')?.id as number,
    poverty: db
      .select()
      .from(schema.indicators)
      .all()
      .find((i) => i.code === 'THOATNGHEO')?.id as number,
  };
}

/** A clerk enters a figure and sends the unit's report: the answer's status. */
async function sendReport(url: string, clerk: string, unitId: number, periodId: number, indicatorId: number) {
  const headers = { ...(await loginAs(url, clerk)), 'content-type': 'application/json' };
  const saved = await fetch(`${url}/api/results`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ unitId, periodId, indicatorId, value: '7', expectedVersion: null }),
  });
  expect(saved.status).toBe(200);
  const sent = await fetch(`${url}/api/submissions/${unitId}/${periodId}/submit`, {
    method: 'POST',
    headers,
    body: '{}',
  });
  return sent.status;
}

/** A header's value, encoded words (RFC 2047) decoded. */
function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line =
    unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`)) ?? '';
  return line
    .slice(name.length + 1)
    .trim()
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

/** The text body, quoted-printable or base64 decoded. */
function body(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const text = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(text, 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    return Buffer.from(
      text
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  }
  return text;
}

describe('reminders by e-mail', () => {
  it('without SMTP_URL nothing is sent; with it, the approver gets a Vietnamese message naming the unit and period', async () => {
    // No SMTP_URL: no mailer at all, so no mail can be attempted.
    expect(loadEnv({}, []).smtp).toBeNull();
    const quietDb = cloneDatabase(seeded);
    const quietIds = prepare(quietDb);
    const quiet = await startTestServer(quietDb, { today: () => '2025-01-20' });
    expect(
      await sendReport(quiet.url, 'nhap.phuthuy', quietIds.phuThuy, quietIds.period, quietIds.poverty),
    ).toBe(200);
    await quiet.close();

    const env = loadEnv({
      SMTP_URL: `smtp://${USER}:${PASSWORD}@127.0.0.1:${port}`,
      SMTP_FROM: 'Chỉ tiêu <chitieu@example.org>',
    });
    expect(env.smtp).not.toBeNull();
    const db = cloneDatabase(seeded);
    const ids = prepare(db);
    const server = await startTestServer(db, {
      today: () => '2025-01-20',
      mailer: smtpMailer(env.smtp as NonNullable<typeof env.smtp>, 'https://chitieu.example.org'),
    });
    try {
      expect(await sendReport(server.url, 'nhap.phuhai', ids.phuHai, ids.period, ids.poverty)).toBe(200);
      await vi.waitFor(() => expect(mailbox).toHaveLength(1), { timeout: 30_000, interval: 50 });
    } finally {
      await server.close();
    }
    // Only the approver with an address (the province's approver and the admin have none), and
    // nothing from the server without SMTP_URL: one connection, one message.
    expect(connections).toBe(1);
    const [mail] = mailbox as [Received];
    expect(mail.to).toEqual([APPROVER_MAIL]);
    expect(mail.from).toBe('chitieu@example.org');
    expect(header(mail.raw, 'Subject')).toBe(
      'Chỉ tiêu: Phường Phú Hài đã gửi báo cáo 6 tháng cuối năm 2024 để duyệt',
    );
    const text = body(mail.raw);
    expect(text).toContain('Người gửi: Hội LHPN phường Phú Hài.');
    expect(text).toContain(`https://chitieu.example.org/?page=entry&unit=${ids.phuHai}&period=${ids.period}`);
    expect(mail.raw).not.toContain('Phú Thủy');
  });

  it('a report returned: the clerk with an address gets the reason by mail', async () => {
    const db = cloneDatabase(seeded);
    const ids = prepare(db);
    const clerkMail = 'nhap.phuhai@example.org';
    db.update(schema.users).set({ email: clerkMail }).where(eq(schema.users.username, 'nhap.phuhai')).run();
    const env = loadEnv({
      SMTP_URL: `smtp://${USER}:${PASSWORD}@127.0.0.1:${port}`,
      SMTP_FROM: 'chitieu@example.org',
    });
    const server = await startTestServer(db, {
      today: () => '2025-01-20',
      mailer: smtpMailer(env.smtp as NonNullable<typeof env.smtp>),
    });
    const before = mailbox.length;
    try {
      expect(await sendReport(server.url, 'nhap.phuhai', ids.phuHai, ids.period, ids.poverty)).toBe(200);
      // The approver's mail about the report sent, first.
      await vi.waitFor(() => expect(mailbox.length).toBe(before + 1), { timeout: 30_000, interval: 50 });
      const approver = {
        ...(await loginAs(server.url, 'duyet.phanthiet')),
        'content-type': 'application/json',
      };
      const returned = await fetch(`${server.url}/api/submissions/${ids.phuHai}/${ids.period}/return`, {
        method: 'POST',
        headers: approver,
        body: JSON.stringify({ comment: 'Thiếu số hộ thoát nghèo của ấp 2' }),
      });
      expect(returned.status).toBe(200);
      await vi.waitFor(() => expect(mailbox.length).toBe(before + 2), { timeout: 30_000, interval: 50 });
    } finally {
      await server.close();
    }
    const mail = mailbox[before + 1] as Received;
    expect(mail.to).toEqual([clerkMail]);
    expect(header(mail.raw, 'Subject')).toBe(
      'Chỉ tiêu: Báo cáo 6 tháng cuối năm 2024 của Phường Phú Hài bị trả lại',
    );
    const text = body(mail.raw);
    expect(text).toContain('Lý do: Thiếu số hộ thoát nghèo của ấp 2');
    expect(text).toContain('Người trả lại: Hội LHPN TP. Phan Thiết (duyệt).');
    // No PUBLIC_URL: no link, a pointer to the app instead.
    expect(text).toContain('mục Thông báo');
  });

  it('a mail server that refuses does not fail the workflow, and the log names no credential or server', async () => {
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      errors.push(args.map(String).join(' '));
    });
    const db = cloneDatabase(seeded);
    const ids = prepare(db);
    const wrong = 'sai-mat-khau-khong-duoc-lo';
    const server = await startTestServer(db, {
      today: () => '2025-01-20',
      mailer: smtpMailer({ url: `smtp://${USER}:${wrong}@127.0.0.1:${port}`, from: 'chitieu@example.org' }),
    });
    const before = mailbox.length;
    try {
      expect(await sendReport(server.url, 'nhap.phuthuy', ids.phuThuy, ids.period, ids.poverty)).toBe(200);
      await vi.waitFor(() => expect(errors.some((e) => e.includes('không gửi được thư'))).toBe(true), {
        timeout: 30_000,
        interval: 50,
      });
    } finally {
      spy.mockRestore();
      await server.close();
    }
    expect(mailbox.length).toBe(before);
    // The report was sent and its notifications stand.
    expect(
      db
        .select()
        .from(schema.notifications)
        .all()
        .filter((n) => n.kind === 'submitted').length,
    ).toBeGreaterThan(0);
    const log = errors.join('\n');
    expect(log).toMatch(/Thông báo #\d+: không gửi được thư \(EAUTH/);
    for (const secret of [wrong, USER, '127.0.0.1', String(port), APPROVER_MAIL])
      expect(log).not.toContain(secret);
  });
});
