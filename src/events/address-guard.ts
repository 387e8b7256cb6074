import { lookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * SSRF protection of webhook delivery (docs/architecture/0019-outbox-webhooks-event-feed.md):
 * the addresses Lotse never connects to unless the operator allowlists them. Checked on the
 * address the name resolves to, at the moment of connecting (so a name that re-resolves to an
 * internal address is refused too); redirects are never followed.
 */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local (also fd00:ec2::254, a cloud metadata address)
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], // NAT64 of any IPv4 address
  ['2001:db8::', 32], // documentation
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:127.0.0.1`), if it is one. */
function mappedIpv4(address: string): string | null {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m ? m[1] : null;
}

/** Whether Lotse refuses to connect to the address (without an allowlist entry). */
export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  const v4 = mappedIpv4(address);
  if (v4) return BLOCKED.check(v4, 'ipv4');
  return BLOCKED.check(address, 'ipv6');
}

/**
 * The operator's allowlist (`WEBHOOK_ALLOWED_HOSTS`): host names, addresses or CIDR ranges of
 * on-premise receivers that may be internal and may be plain `http`.
 */
export class Allowlist {
  private readonly names = new Set<string>();
  private readonly ranges = new BlockList();

  constructor(entries: readonly string[]) {
    for (const raw of entries) {
      const entry = raw
        .trim()
        .toLowerCase()
        .replace(/^\[|\]$/g, '');
      const [net, prefix] = entry.split('/');
      const family = isIP(net);
      if (family === 0) this.names.add(entry);
      else if (prefix === undefined) this.ranges.addAddress(net, family === 4 ? 'ipv4' : 'ipv6');
      else this.ranges.addSubnet(net, Number(prefix), family === 4 ? 'ipv4' : 'ipv6');
    }
  }

  /** The URL's host is listed (by name or as an address in a listed range). */
  coversHost(hostname: string): boolean {
    const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
    if (this.names.has(host)) return true;
    const family = isIP(host);
    return family !== 0 && this.coversAddress(host);
  }

  coversAddress(address: string): boolean {
    const family = isIP(address);
    if (family === 0) return false;
    return this.ranges.check(address, family === 4 ? 'ipv4' : 'ipv6');
  }
}

/** Why a URL may not receive webhooks, or null when it may. Does not resolve the name. */
export function urlProblem(raw: string, allowlist: Allowlist): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  if (url.username || url.password) return 'credentials in the URL are not allowed';
  const allowed = allowlist.coversHost(url.hostname);
  if (url.protocol !== 'https:' && !(allowed && url.protocol === 'http:')) {
    return 'only https URLs are allowed';
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowed && isIP(host) !== 0 && isForbiddenAddress(host)) {
    return 'the address is loopback, link-local, private or otherwise internal';
  }
  return null;
}

/** Every address a name resolves to must be allowed; for `urlProblem` after resolution. */
export async function resolvedAddressProblem(
  hostname: string,
  allowlist: Allowlist,
): Promise<string | null> {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (allowlist.coversHost(host)) return null;
  let addresses: string[];
  try {
    addresses = isIP(host)
      ? [host]
      : (
          await new Promise<{ address: string }[]>((resolve, reject) =>
            lookup(host, { all: true }, (err, found) => (err ? reject(err) : resolve(found))),
          )
        ).map((a) => a.address);
  } catch {
    return 'the host name does not resolve';
  }
  const bad = addresses.find((a) => !allowlist.coversAddress(a) && isForbiddenAddress(a));
  return bad ? 'the host name resolves to an internal address' : null;
}

/**
 * A `lookup` for `http(s).request` that refuses a forbidden address at connect time: the check
 * and the connection use the same resolution, so re-binding the name in between does not help.
 */
export function guardedLookup(allowlist: Allowlist, hostname: string): LookupFunction {
  const nameAllowed = allowlist.coversHost(hostname);
  return (host, options, callback) => {
    lookup(host, { ...options, all: true }, (err, found: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const bad = found.find(
        (a) => !nameAllowed && !allowlist.coversAddress(a.address) && isForbiddenAddress(a.address),
      );
      if (bad || found.length === 0) {
        const refused: NodeJS.ErrnoException = new Error('refused: internal address');
        refused.code = 'EADDRREFUSED';
        return callback(refused, '', 0);
      }
      if (options.all) return callback(null, found);
      return callback(null, found[0].address, found[0].family);
    });
  };
}
