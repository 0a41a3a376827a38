/**
 * The network we serve: the host names we answer for (PUBLIC_URL, ALLOWED_HOSTS, loopback and IP
 * addresses) and the proxies we believe (TRUST_PROXY). What a request says about itself, read with
 * these, is in request-origin.ts. docs/decisions/0016-safe-on-a-network.md.
 */
import { isIP } from 'node:net';

export interface NetworkOptions {
  /** The address people open (PUBLIC_URL), e.g. https://chitieu.example.org. */
  publicUrl?: string | null;
  /** More host names to answer for (ALLOWED_HOSTS). */
  allowedHosts?: readonly string[];
  /** Addresses of the reverse proxy whose forwarding headers are believed (TRUST_PROXY). */
  trustProxy?: readonly string[];
}

export interface Network {
  /** PUBLIC_URL's origin (scheme, host, port), or null. */
  publicOrigin: string | null;
  /** Host names (without port, lower case) besides loopback and IP addresses. */
  hostNames: ReadonlySet<string>;
  trustProxy: ReadonlySet<string>;
}

/** '::ffff:127.0.0.1' → '127.0.0.1', '[::1]' → '::1', lower case. */
export function normaliseAddress(address: string): string {
  let a = address.trim().toLowerCase();
  if (a.startsWith('[') && a.endsWith(']')) a = a.slice(1, -1);
  if (a.startsWith('::ffff:') && isIP(a.slice(7)) === 4) a = a.slice(7);
  return a;
}

const nameOf = (host: string) => host.replace(/:\d+$/, '').toLowerCase();

export function networkOf(options: NetworkOptions = {}): Network {
  const publicUrl = options.publicUrl ? new URL(options.publicUrl) : null;
  const hostNames = new Set((options.allowedHosts ?? []).map(nameOf));
  if (publicUrl) hostNames.add(publicUrl.hostname.toLowerCase());
  return {
    publicOrigin: publicUrl?.origin ?? null,
    hostNames,
    trustProxy: new Set((options.trustProxy ?? []).map(normaliseAddress)),
  };
}

/** The host name in a Host header ('example.org:3000' → 'example.org', '[::1]:3000' → '::1'), or null. */
export function hostNameOf(header: string | undefined): string | null {
  if (!header) return null;
  const h = header.trim().toLowerCase();
  const v6 = /^\[([0-9a-f:.]+)\](:\d+)?$/.exec(h);
  if (v6) return v6[1] ?? null;
  const m = /^([a-z0-9.-]+)(:\d+)?$/.exec(h);
  return m?.[1] ?? null;
}

/**
 * Whether we answer for this name. Loopback names always; an IP address always, because a DNS
 * rebinding attack needs a name of the attacker's (the browser then sends that name); any other
 * name only when configured.
 */
export function servesHost(network: Network, name: string): boolean {
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    isIP(name) !== 0 ||
    network.hostNames.has(name.replace(/\.$/, ''))
  );
}
