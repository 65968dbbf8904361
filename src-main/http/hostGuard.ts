import os from 'node:os';

/**
 * Which names the server answers to (DNS rebinding defence). A page on evil.example whose name was
 * rebound to 127.0.0.1 reaches the server with `Host: evil.example:port` and an Origin to match, so
 * comparing Origin with Host proves nothing: both must be names the server was started for.
 */
export function isLoopbackHost(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1';
}

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '';
}

function withPort(name: string, port: number): string[] {
  const n = name.toLowerCase();
  const bracketed = n.includes(':') && !n.startsWith('[') ? `[${n}]` : n;
  // A browser leaves the port out of Host only for the scheme's default port.
  return port === 80 ? [`${bracketed}:${port}`, bracketed] : [`${bracketed}:${port}`];
}

export interface HostEnvironment {
  hostname: string;
  /** Addresses of this computer's network interfaces (os.networkInterfaces()). */
  addresses: string[];
}

export function machineHostEnvironment(): HostEnvironment {
  const addresses = Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => Boolean(a))
    .map((a) => a.address.replace(/%.*$/, ''));
  return { hostname: os.hostname(), addresses };
}

/**
 * The `Host` values the server accepts: the three loopback spellings always; in LAN mode also the
 * bound address (every interface address for 0.0.0.0), this computer's name and `extra` names the
 * administrator listed with `--allow-host`.
 */
export function allowedHosts(bindHost: string, port: number, extra: readonly string[] = [], env: HostEnvironment = machineHostEnvironment()): Set<string> {
  const out = new Set<string>();
  for (const name of ['127.0.0.1', 'localhost', '::1']) for (const h of withPort(name, port)) out.add(h);
  const bind = bindHost.replace(/^\[|\]$/g, '');
  if (!isLoopbackHost(bind)) {
    const names = isWildcard(bind) ? env.addresses : [bind];
    for (const name of [...names, env.hostname, `${env.hostname}.local`]) if (name) for (const h of withPort(name, port)) out.add(h);
  }
  for (const name of extra) if (name.trim()) for (const h of withPort(name.trim(), port)) out.add(h);
  return out;
}

export function isAllowedHost(header: string | undefined, allowed: ReadonlySet<string>): boolean {
  return typeof header === 'string' && allowed.has(header.trim().toLowerCase());
}

/**
 * A request that carries an Origin (every browser POST does) must come from a page served under
 * one of our names; requests without Origin (CLI, scripts on this computer) pass.
 */
export function isAllowedOrigin(origin: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (origin === undefined) return true;
  try {
    const o = new URL(origin);
    return (o.protocol === 'http:' || o.protocol === 'https:') && allowed.has(o.host.toLowerCase()) && o.pathname === '/';
  } catch {
    return false;
  }
}
