/**
 * Component tests without a browser (docs/decisions/0033): render a component to HTML in node with
 * react-dom/server and read the markup back. Enough to assert what a component draws (words,
 * classes, attributes); what it does on events is left to the browser tests.
 */
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

export const render = (node: ReactNode): string => renderToStaticMarkup(node);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", nbsp: ' ' };
const decode = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#x27|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '');

/** The text a reader sees: tags and style sheets dropped, entities decoded, runs of spaces as one. */
export function textOf(html: string): string {
  return decode(html.replace(/<style[^>]*>[\s\S]*?<\/style>/g, ' ').replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Each opening tag of this name, with its attributes by lower-case name (a boolean one has the value ''). */
export function tags(html: string, name: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const match of html.matchAll(new RegExp(`<${name}(\\s[^>]*)?>`, 'g'))) {
    const attributes: Record<string, string> = {};
    for (const a of (match[1] ?? '').matchAll(/([\w:-]+)(?:="([^"]*)")?/g)) {
      if (a[1]) attributes[a[1].toLowerCase()] = decode(a[2] ?? '');
    }
    found.push(attributes);
  }
  return found;
}

/** The classes of an element's `class` attribute. */
export const classes = (attributes: Record<string, string> | undefined): string[] =>
  (attributes?.class ?? '').split(/\s+/).filter(Boolean);
