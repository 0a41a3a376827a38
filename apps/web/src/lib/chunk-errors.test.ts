import { describe, expect, test } from 'vitest';
import { claimReload, isChunkLoadError, RELOAD_ONCE_WINDOW_MS } from './chunk-errors.ts';

describe('chunk failures', () => {
  test.each([
    'Failed to fetch dynamically imported module: http://127.0.0.1:3000/assets/ComparePage-x.js',
    'Importing a module script failed.',
    'error loading dynamically imported module: http://x/assets/a.js',
    'Unable to preload CSS for /assets/ComparePage-x.css',
  ])('%s is a chunk failure', (message) => {
    expect(isChunkLoadError(new TypeError(message))).toBe(true);
  });

  test.each([new Error('Cannot read properties of undefined'), null, 42])('%o is not', (error) => {
    expect(isChunkLoadError(error)).toBe(false);
  });

  test('reloads by itself once, not again within the window, and again after it', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
    };
    expect(claimReload(storage, 1_000_000)).toBe(true);
    expect(claimReload(storage, 1_000_000 + RELOAD_ONCE_WINDOW_MS - 1)).toBe(false);
    expect(claimReload(storage, 1_000_000 + RELOAD_ONCE_WINDOW_MS)).toBe(true);
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {},
    };
    expect(claimReload(refusing, 1)).toBe(false);
  });
});
