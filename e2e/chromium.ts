/** The Chromium the browser tests drive: Debian's, headless, with nothing running in the background. */
export const CHROMIUM = '/usr/lib/chromium/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
