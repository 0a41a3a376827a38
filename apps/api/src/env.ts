/** Configuration, validated once at start-up. Nothing else reads process.env. */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

/** A comma-separated list; empty items are dropped. */
const list = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

// Each refusal is said in Vietnamese: zod's own messages are English.
const PORT_NUMBER = { error: 'phải là số cổng từ 0 đến 65535' };
const NOT_EMPTY = { error: 'không được để trống' };
const SWITCH = z.enum(['true', 'false', '1', '0'], { error: 'chỉ nhận true, false, 1 hoặc 0' });

const EnvSchema = z.object({
  PORT: z.coerce
    .number(PORT_NUMBER)
    .int(PORT_NUMBER)
    .min(0, PORT_NUMBER)
    .max(65535, PORT_NUMBER)
    .default(3000),
  HOST: z.string().min(1, NOT_EMPTY).default('127.0.0.1'),
  DATA_DIR: z.string().min(1, NOT_EMPTY).default('data'),
  /** Load the Bình Thuận demo into an empty database (set to "false" to start empty). */
  SEED_DEMO: SWITCH.default('true').transform((v) => v === 'true' || v === '1'),
  /** The same switch under the product's own name: CHITIEU_DEMO=0 starts empty. */
  CHITIEU_DEMO: SWITCH.optional(),
  /** The address people open, e.g. https://chitieu.example.org: its host name is served. */
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'cần một địa chỉ http:// hoặc https://' }).optional(),
  /** More host names to serve (comma-separated), besides loopback, IP addresses and PUBLIC_URL's. */
  ALLOWED_HOSTS: z
    .string()
    .optional()
    .refine((v) => list(v).every((h) => /^[a-z0-9.-]+(:\d{1,5})?$/i.test(h)), {
      error: 'chỉ gồm tên máy, cách nhau bằng dấu phẩy (ví dụ chitieu.example.org,noibo.lan)',
    }),
  /** IP addresses of the reverse proxy whose X-Forwarded-For and X-Forwarded-Proto are believed. */
  TRUST_PROXY: z
    .string()
    .optional()
    .refine((v) => list(v).every((a) => isIP(a) !== 0), {
      error: 'chỉ gồm địa chỉ IP của proxy, cách nhau bằng dấu phẩy (ví dụ 127.0.0.1)',
    }),
  /** Where backups go. Set, the server also takes one every night (README "Durability"). */
  BACKUP_DIR: z.string().min(1, NOT_EMPTY).optional(),
  /** How many backups to keep in BACKUP_DIR (the oldest beyond are removed). */
  BACKUP_KEEP: z.coerce
    .number({ error: 'phải là một số nguyên từ 1' })
    .int({ error: 'phải là một số nguyên từ 1' })
    .min(1, { error: 'phải là một số nguyên từ 1' })
    .default(14),
  /**
   * Mail reminders through this SMTP server, e.g. smtp://user:pass@mail.example.org:587 (smtps:// for
   * TLS from the start). Unset: no mail at all, reminders stay in the app.
   */
  SMTP_URL: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      // The value itself is never repeated: it may hold a password.
      const problem = v === undefined || v.trim() === '' ? null : smtpUrlProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  /** The sender of reminders' mail, e.g. "Chỉ tiêu <chitieu@example.org>"; needed with SMTP_URL. */
  SMTP_FROM: z
    .string()
    .optional()
    .refine((v) => v === undefined || v.trim() === '' || MAIL_FROM.test(v.trim()), {
      error: 'cần một địa chỉ e-mail, ví dụ chitieu@example.org hoặc "Chỉ tiêu <chitieu@example.org>"',
    }),
});

const ADDRESS = '[^\\s@<>]+@[^\\s@<>]+\\.[^\\s@<>]+';
const MAIL_FROM = new RegExp(`^(${ADDRESS}|[^<>]*<${ADDRESS}>)$`);

/** What is wrong with an SMTP_URL, in a few words that never repeat it; null when it is right. */
function smtpUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'cần dạng smtp://tên:mật-khẩu@máy-chủ:cổng (hoặc smtps://…)';
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') return 'chỉ nhận smtp:// hoặc smtps://';
  if (url.hostname === '') return 'thiếu tên máy chủ thư';
  if (url.pathname !== '' && url.pathname !== '/') return 'không có đường dẫn sau máy chủ và cổng';
  return null;
}

/**
 * Command-line switches: `npm start -- --no-demo` starts with an empty database and the first-run page;
 * `--demo=2025` loads the demo as it stands after the 2024 and 2025 reorganisations.
 */
const ArgsSchema = z.array(
  z.enum(['--no-demo', '--demo', '--demo=2025'], { error: 'chỉ nhận --no-demo, --demo hoặc --demo=2025' }),
);

/** Where the reorganised demo lives when DATA_DIR is not set: apart from the as-reported demo in `data`. */
export const DEMO_2025_DATA_DIR = 'data-2025';

export type Env = {
  port: number;
  host: string;
  dataDir: string;
  seedDemo: boolean;
  /** Which demo to load into an empty database: as reported at mid-term, or after the 2025 merges. */
  demoStage: 'mid-term' | '2025';
  publicUrl: string | null;
  allowedHosts: string[];
  trustProxy: string[];
  /** Set only when BACKUP_DIR is: then the server backs up by itself. */
  backupDir: string | null;
  backupKeep: number;
  /** Mail for reminders: null (the default) sends none. */
  smtp: { url: string; from: string } | null;
};

/** Parse the environment; a bad value is a one-line reason, not a stack trace. */
export function loadEnv(source: Record<string, string | undefined> = process.env, argv: string[] = []): Env {
  const args = ArgsSchema.safeParse(argv);
  if (!args.success)
    throw new Error(
      `Tham số dòng lệnh không hợp lệ: ${argv.join(' ')} — chỉ nhận --no-demo, --demo hoặc --demo=2025`,
    );
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Cấu hình không hợp lệ: ${issue?.path.join('.')} — ${issue?.message}`);
  }
  const {
    PORT,
    HOST,
    DATA_DIR,
    SEED_DEMO,
    CHITIEU_DEMO,
    PUBLIC_URL,
    ALLOWED_HOSTS,
    TRUST_PROXY,
    BACKUP_DIR,
    BACKUP_KEEP,
    SMTP_URL,
    SMTP_FROM,
  } = parsed.data;
  const smtpUrl = SMTP_URL?.trim() || null;
  const smtpFrom = SMTP_FROM?.trim() || null;
  if (smtpUrl && !smtpFrom)
    throw new Error('Cấu hình không hợp lệ: SMTP_FROM — cần địa chỉ người gửi khi có SMTP_URL');
  const demoFlag = CHITIEU_DEMO === undefined ? SEED_DEMO : CHITIEU_DEMO === 'true' || CHITIEU_DEMO === '1';
  const demo2025 = args.data.includes('--demo=2025');
  if (demo2025 && args.data.includes('--no-demo'))
    throw new Error('Tham số dòng lệnh không hợp lệ: --no-demo và --demo=2025 không dùng cùng nhau');
  const seedDemo = args.data.includes('--no-demo')
    ? false
    : args.data.includes('--demo') || demo2025
      ? true
      : demoFlag;
  return {
    port: PORT,
    host: HOST,
    dataDir: resolve(source.DATA_DIR === undefined && demo2025 ? DEMO_2025_DATA_DIR : DATA_DIR),
    seedDemo,
    demoStage: demo2025 ? '2025' : 'mid-term',
    publicUrl: PUBLIC_URL ?? null,
    allowedHosts: list(ALLOWED_HOSTS),
    trustProxy: list(TRUST_PROXY),
    backupDir: BACKUP_DIR === undefined ? null : resolve(BACKUP_DIR),
    backupKeep: BACKUP_KEEP,
    smtp: smtpUrl && smtpFrom ? { url: smtpUrl, from: smtpFrom } : null,
  };
}
