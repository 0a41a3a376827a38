/**
 * The password rules people see (the web's hints and the server's refusals use the same numbers).
 * The server also refuses the username, the current password and common passwords
 * (packages/db/src/passwords.ts): that list stays on the server.
 */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/** Characters as people count them (code points after NFC): four emoji are four, not eight. */
export function passwordLength(password: string): number {
  return [...password.normalize('NFC')].length;
}
