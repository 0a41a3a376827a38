/**
 * A page's code comes in chunks fetched when the page opens. Fetching one fails when the server
 * is down, or after a new build (the chunk's old name is gone: 404). The second case needs a reload
 * (index.html then names the new chunks); the first needs the server back. docs/decisions/0021.
 */

/** The browsers' and Vite's wordings for "this module or its style sheet could not be loaded". */
const CHUNK_FAILURE =
  /dynamically imported module|Importing a module script failed|Unable to preload CSS|error loading dynamically imported module|Failed to load module script/i;

export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return CHUNK_FAILURE.test(message);
}

const RELOADED_AT = 'chitieu.chunkReloadAt';
/** A second failure within this long after a reload is not cured by reloading again. */
export const RELOAD_ONCE_WINDOW_MS = 60_000;

/**
 * Whether to reload by itself now: yes, unless it already did within the window (a chunk missing
 * even from the new build must not reload forever). Records the reload when it says yes.
 */
export function claimReload(storage: Pick<Storage, 'getItem' | 'setItem'>, now: number): boolean {
  let last = 0;
  try {
    last = Number(storage.getItem(RELOADED_AT) ?? 0);
    if (now - last < RELOAD_ONCE_WINDOW_MS) return false;
    storage.setItem(RELOADED_AT, String(now));
    return true;
  } catch {
    // Storage refused (private mode, quota): do not risk a loop.
    return false;
  }
}

/** Whether the server answers at all (any HTTP answer counts; only a network failure does not). */
export async function serverAnswers(): Promise<boolean> {
  try {
    await fetch('/api/health', { cache: 'no-store' });
    return true;
  } catch {
    return false;
  }
}
