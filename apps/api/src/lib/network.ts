/**
 * Who is on the other end of a request and which name they used for us: the host names we answer
 * for (PUBLIC_URL, ALLOWED_HOSTS, loopback and IP addresses), the client's address and whether its
 * connection is HTTPS — believing X-Forwarded-For / X-Forwarded-Proto only from a proxy named in
 * TRUST_PROXY. docs/decisions/0016-safe-on-a-network.md.
 */
import { isIP } from 'node:net';
import { DomainError } from '@chitieu/core';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './router.ts';

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

/** Refuse a request for a host name we do not serve: 421, before anything else runs. */
export function allowedHosts(network: Network) {
  return createMiddleware<AppEnv>(async (c, next) => {
    // node-server builds the URL from the Host header; in-process requests (app.request) have only the URL.
    const name = hostNameOf(c.req.header('host') ?? new URL(c.req.url).host);
    if (name === null) throw new DomainError('invalid', 'Yêu cầu thiếu hoặc sai tiêu đề Host.');
    if (!servesHost(network, name)) {
      throw new DomainError(
        'misdirected',
        `Máy chủ này không phục vụ địa chỉ “${name}”. Người quản trị cần thêm nó vào PUBLIC_URL hoặc ALLOWED_HOSTS.`,
      );
    }
    await next();
  });
}

/** The address of the TCP peer, normalised; 'unknown' when there is none (in-process requests). */
function peerAddress(c: Context): string {
  try {
    return normaliseAddress(getConnInfo(c).remote.address ?? '') || 'unknown';
  } catch {
    return 'unknown';
  }
}

const fromTrustedProxy = (c: Context<AppEnv>) => c.var.deps.network.trustProxy.has(peerAddress(c));

/**
 * The client's address: the peer's, or, when the peer is a trusted proxy, the nearest address in
 * X-Forwarded-For that is not one of our proxies (the ones before it could be written by anyone).
 */
export function clientAddress(c: Context<AppEnv>): string {
  const peer = peerAddress(c);
  if (!c.var.deps.network.trustProxy.has(peer)) return peer;
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map(normaliseAddress)
    .filter((a) => a !== '');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    if (!c.var.deps.network.trustProxy.has(hop)) return hop;
  }
  return peer;
}

/** Whether the client reached us over HTTPS: directly, or as a trusted proxy says. */
export function isHttps(c: Context<AppEnv>): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (!fromTrustedProxy(c)) return false;
  const proto = c.req.header('x-forwarded-proto')?.split(',').pop()?.trim().toLowerCase();
  return proto === 'https';
}
