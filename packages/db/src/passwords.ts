/**
 * Passwords: the rules a new one must meet, and hashing. scrypt (memory-hard, in Node's crypto) runs
 * on libuv's thread pool, never on the thread that serves requests, and at most one hash per spare
 * core runs at once, so sign-ins queue behind each other instead of taking every core from the
 * requests (docs/decisions/0016-safe-on-a-network.md).
 */
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { invalid, MIN_PASSWORD_LENGTH, passwordLength } from '@chitieu/core';

/** scrypt cost: N=2^15, r=8 (32 MiB, ~60 ms here): slow for a guesser, fine for a sign-in. */
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

// ---------------------------------------------------------------- rules

let common: ReadonlySet<string> | undefined;
/** data/common-passwords.txt: its header names the source. */
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(new URL('./data/common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return common;
}

export interface PasswordContext {
  /** The account's username: a password containing it is refused. */
  username: string;
  /** The password being replaced (the temporary one at first sign-in): it cannot be kept. */
  current?: string;
}

/** Why a new password is refused, in Vietnamese, or null when it is acceptable. */
export function passwordProblem(password: string, context: PasswordContext): string | null {
  const text = password.normalize('NFC');
  if (passwordLength(text) < MIN_PASSWORD_LENGTH) {
    return `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
  }
  const lower = text.toLowerCase();
  const username = context.username.trim().toLowerCase();
  if (username.length >= 3 && lower.includes(username)) {
    return 'Mật khẩu không được chứa tên đăng nhập.';
  }
  if (context.current !== undefined && text === context.current.normalize('NFC')) {
    return 'Mật khẩu mới phải khác mật khẩu hiện tại (kể cả mật khẩu tạm).';
  }
  if (commonPasswords().has(lower)) {
    return 'Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác, ví dụ một câu ngắn dễ nhớ.';
  }
  return null;
}

/** Throw a 400 naming the rule a new password breaks. */
export function checkNewPassword(password: string, context: PasswordContext): void {
  const problem = passwordProblem(password, context);
  if (problem) throw invalid(problem, { field: 'password' });
}

// ---------------------------------------------------------------- hashing

const encode = (salt: Buffer, key: Buffer) =>
  `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;

/** At most this many hashes at once: the request thread keeps a core of its own. */
const MAX_CONCURRENT = Math.max(1, availableParallelism() - 1);
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function scryptAsync(password: string, salt: Buffer, length: number, options: typeof SCRYPT) {
  return limited(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(password.normalize('NFC'), salt, length, options, (error, key) =>
          error ? reject(error) : resolve(key),
        ),
      ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return encode(salt, await scryptAsync(password, salt, KEY_LENGTH, SCRYPT));
}

/** For the demo seed, the command line and tests only: it blocks the thread for the whole hash. */
export function hashPasswordSync(password: string): string {
  const salt = randomBytes(16);
  return encode(salt, scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, SCRYPT));
}

function parse(stored: string) {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return null;
  const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem };
  return { salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64'), options };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const actual = await scryptAsync(password, parsed.salt, parsed.key.length, parsed.options);
  return timingSafeEqual(actual, parsed.key);
}

/** A hash of a password nobody knows: checking an unknown user costs the same as a real one. */
let dummy: Promise<string> | undefined;
export const dummyHash = () => {
  dummy ??= hashPassword(randomBytes(12).toString('hex'));
  return dummy;
};
