/**
 * Who is on the other end of a request and which name they used for us: the client's address and
 * whether its connection is HTTPS, believing X-Forwarded-For / X-Forwarded-Proto only from a proxy
 * named in TRUST_PROXY; a host name we do not serve is refused. docs/decisions/0016-safe-on-a-network.md.
 */
import { DomainError } from '@chitieu/core';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { hostNameOf, type Network, normaliseAddress, servesHost } from './network.ts';
import type { AppEnv } from './router.ts';

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
