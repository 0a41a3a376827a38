/**
 * Every string the UI shows, Vietnamese first (i18n-vi.ts). English is in i18n-en.ts, fetched when chosen; a
 * missing key falls back to Vietnamese (i18n-complete.test.ts checks that none is missing). The chosen language is kept in localStorage ("chitieu.lang") and can be forced with
 * `?lang=en` in the address (handy for sharing a link with a foreign visitor).
 * Placeholders are written {name} and filled by t(key, { name }).
 */
import { useCallback, useSyncExternalStore } from 'react';
import { type MessageKey, vi } from './i18n-vi.ts';

export type { MessageKey };
export type Lang = 'vi' | 'en';

const dictionaries: Partial<Record<Lang, Partial<Record<MessageKey, string>>>> = { vi };

/** Fetch a language's texts once; main.tsx awaits the starting language before the first render. */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (lang === 'en') dictionaries.en ??= (await import('./i18n-en.ts')).en;
}
export const LANGS: readonly Lang[] = ['vi', 'en'];
const STORAGE_KEY = 'chitieu.lang';

export type Vars = Record<string, string | number>;

/** Fill {name} placeholders; an unknown placeholder is left as written so it shows up in review. */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const template = dictionaries[lang]?.[key] ?? vi[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}

function initialLang(): Lang {
  if (typeof window === 'undefined') return 'vi';
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (isLang(fromUrl)) return fromUrl;
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // Storage can be off (private mode); Vietnamese then.
  }
  return 'vi';
}

let current: Lang = initialLang();
const listeners = new Set<() => void>();

export function getLang(): Lang {
  return current;
}

let wanted: Lang = current;

/**
 * Switch language once its texts are here (a later switch wins over one still loading). If they
 * cannot be fetched (the connection dropped), the language stays as it was and the switch can be
 * tried again.
 */
export async function setLang(lang: Lang): Promise<void> {
  wanted = lang;
  try {
    await loadLanguage(lang);
  } catch {
    return;
  }
  if (lang !== wanted || lang === current) return;
  current = lang;
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, still switched.
  }
  // Outside a page (unit tests of the web's formatting) there is no document to label.
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Translate in the current language (outside React, e.g. error messages built by fetchers). */
export function t(key: MessageKey, vars?: Vars): string {
  return translate(current, key, vars);
}

/** The current language, a setter and t() bound to it; re-renders when the language changes. */
export function useI18n() {
  const lang = useSyncExternalStore(subscribe, getLang, getLang);
  const bound = useCallback((key: MessageKey, vars?: Vars) => translate(lang, key, vars), [lang]);
  return { lang, setLang, t: bound };
}
