import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

// A calm deep blue; status colours are separate (lib/status.ts) and colour-blind safe.
const brand: MantineColorsTuple = [
  '#eaf2fb',
  '#d3e3f4',
  '#a6c5e8',
  '#75a5dc',
  '#4d8ad2',
  '#3479cc',
  '#2470c9',
  '#155fb2',
  '#0b549f',
  '#00478c',
];

/** System fonts that carry Vietnamese glyphs on Windows, macOS, Android, iOS and Linux. */
export const FONT_STACK =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "Liberation Sans", sans-serif';

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: 8,
  colors: { brand },
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK, fontWeight: '700' },
  defaultRadius: 'md',
});

/**
 * Mantine's "dimmed" grey (field descriptions such as "Trong nhiệm kỳ: …") is 3,3:1 on our
 * background; our own muted grey reads at 5,4:1 or better (WCAG AA asks 4,5:1).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5b6673' },
  dark: {},
});
