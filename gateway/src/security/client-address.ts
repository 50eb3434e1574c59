import { BlockList, isIP } from 'node:net';
import { lookup } from 'node:dns/promises';

/**
 * The address of the client behind our own reverse proxies (nginx in compose.yaml), for rate limits per
 * client. `X-Forwarded-For` is believed only from a configured trusted proxy: the socket peer must be one,
 * and the header is read from the right, skipping trusted proxies, up to the first address that is not one
 * (what a client writes itself is to the left of what our proxy appends, so it is never reached). Without
 * trusted proxies, or from any other peer, the header is ignored and the peer is the client.
 *
 * Entries are addresses (`10.0.0.5`, `::1`), CIDRs (`172.16.0.0/12`, `fd00::/8`) or host names (compose
 * service names such as `web`), which are resolved at start and again every 30 s (a restarted container
 * may get another address).
 */
export interface TrustedProxies {
  readonly configured: boolean;
  trusts(address: string): boolean;
  /** The client's address for a request from socket peer `peer` with these `X-Forwarded-For` values. */
  clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined): string;
  close(): void;
}

/** `::ffff:10.0.0.1` (IPv4 on a dual-stack socket) as `10.0.0.1`; anything else as given, trimmed. */
export const normalizeAddress = (a: string) => {
  const t = a.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(t);
  return mapped ? mapped[1]! : t.toLowerCase();
};

const family = (a: string) => (isIP(a) === 6 ? 'ipv6' : 'ipv4');

/** One trusted-proxy entry: an address, a subnet, or a host name; null when it is none of them. */
export function parseTrustedProxy(entry: string): { address: string } | { net: string; prefix: number } | { host: string } | null {
  const raw = entry.trim();
  const [net, prefix, extra] = raw.split('/');
  if (isIP(net!) && prefix === undefined) return { address: normalizeAddress(net!) };
  if (isIP(net!) && extra === undefined && /^\d{1,3}$/.test(prefix!) && Number(prefix) <= (isIP(net!) === 6 ? 128 : 32)) return { net: net!, prefix: Number(prefix) };
  if (prefix === undefined && /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(raw)) return { host: raw };
  return null;
}

export function trustedProxies(entries: readonly string[], { refreshMs = 30_000 }: { refreshMs?: number } = {}): TrustedProxies {
  const list = new BlockList();
  const hosts: string[] = [];
  let resolved = new Set<string>();
  for (const raw of entries.map((e) => e.trim()).filter(Boolean)) {
    const p = parseTrustedProxy(raw);
    if (!p) throw new Error(`trusted proxy "${raw}" is not an address, a CIDR or a host name`);
    if ('address' in p) list.addAddress(p.address, family(p.address));
    else if ('net' in p) list.addSubnet(p.net, p.prefix, family(p.net));
    else hosts.push(p.host);
  }
  const resolve = async () => {
    const next = new Set<string>();
    for (const host of hosts) {
      try {
        for (const { address } of await lookup(host, { all: true })) next.add(normalizeAddress(address));
      } catch {
        // Not resolvable yet (the proxy's container starts after the gateway): its requests count as its own until then.
      }
    }
    resolved = next;
  };
  let timer: NodeJS.Timeout | undefined;
  if (hosts.length) {
    void resolve();
    timer = setInterval(() => void resolve(), refreshMs);
    timer.unref();
  }

  const trusts = (address: string) => {
    const a = normalizeAddress(address);
    if (!isIP(a)) return false;
    return resolved.has(a) || list.check(a, family(a));
  };

  return {
    configured: entries.some((e) => e.trim()),
    trusts,
    clientAddress(peer, forwardedFor) {
      const socket = normalizeAddress(peer ?? 'unknown');
      if (forwardedFor === undefined || !trusts(socket)) return socket;
      const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map(normalizeAddress).filter(Boolean);
      let client = socket;
      for (let i = hops.length - 1; i >= 0; i--) {
        // Something that is no address (garbage, `unknown`): the hop before it is as far as we can tell.
        if (!isIP(hops[i]!)) break;
        client = hops[i]!;
        if (!trusts(client)) break;
      }
      return client;
    },
    close() {
      if (timer) clearInterval(timer);
    },
  };
}
