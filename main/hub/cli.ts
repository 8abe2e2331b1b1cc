import { mkdir, readFile } from 'node:fs/promises';
import { hostname, networkInterfaces, homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CallboardCore } from '../core/core';
import { accountFromEnv } from '../core/env-account';
import { writeDurably } from '../core/files/durable-file';
import { chooseSecretStore } from '../core/secrets/startup';
import { embeddedDemo } from '../demo/embedded-demo';
import { generateKey, weakKeyProblem } from './access';
import { DEFAULT_STREAM_LIMITS, HubServer } from './hub-server';
import { HostPolicy } from './request-guard';
import { ScreenRegistry } from './screen-registry';
import { errorText } from '../../contract/error-text';

/**
 * `npm run serve`: the headless hub. Runs the core once and serves the board to any number of
 * screens. Binds 127.0.0.1 unless --host says otherwise; a LAN needs a strong access key (part of the
 * address printed for TVs) and answers only to IP addresses, localhost and the names allowed with
 * --allowed-host. Settings changes need the admin key (CALLBOARD_ADMIN_KEY, or one generated and
 * kept next to the settings file with owner-only permissions). docs/security.md has the reasons.
 */

const USAGE = `Usage: npm run serve -- [--port 4180] [--host 127.0.0.1] [--settings FILE] [--renderer DIR]
       [--allowed-host NAME]... [--max-screens 500] [--trust-proxy] [--demo-port N]
Account (optional; otherwise settings.json, otherwise the embedded demo):
  CALLBOARD_RC_SERVER, CALLBOARD_RC_CLIENT_ID, CALLBOARD_RC_CLIENT_SECRET, CALLBOARD_RC_JWT
Keys (at least 20 characters): CALLBOARD_ACCESS_KEY (LAN viewers), CALLBOARD_ADMIN_KEY (settings).
Host names: --allowed-host or CALLBOARD_ALLOWED_HOSTS (comma-separated). Secrets: CALLBOARD_SECRETS=memory`;

function defaultSettingsPath(env: NodeJS.ProcessEnv): string {
  const base = env['XDG_CONFIG_HOME'] || join(homedir(), '.config');
  return join(base, 'callboard', 'settings.json');
}

async function adminKey(
  env: NodeJS.ProcessEnv,
  settingsPath: string,
): Promise<{ key: string; where: string }> {
  const fromEnv = env['CALLBOARD_ADMIN_KEY'];
  if (fromEnv !== undefined)
    return { key: strongKey('CALLBOARD_ADMIN_KEY', fromEnv), where: 'CALLBOARD_ADMIN_KEY' };
  const file = join(dirname(settingsPath), 'admin-key');
  let existing: string | null = null;
  try {
    existing = (await readFile(file, 'utf8')).trim();
  } catch {
    // No key yet: make one below.
  }
  if (existing) return { key: strongKey(`The admin key in ${file}`, existing), where: file };
  const key = generateKey();
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeDurably(file, `${key}\n`);
  return { key, where: file };
}

/** A key the admin chose, refused with the reason when it is too weak to guard anything. */
function strongKey(where: string, key: string): string {
  const problem = weakKeyProblem(where, key);
  if (problem !== null) throw new Error(problem);
  return key;
}

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((net) => net && net.family === 'IPv4' && !net.internal)
    .map((net) => net!.address);
}

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::';
}

function intOption(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`--${name} must be ${min}–${max}, not "${text}"`);
  return value;
}

/** Log lines carry the time: a hub runs for months and its log is read after the fact. */
function hubLog(line: string): void {
  console.error(`${new Date().toISOString()} [hub] ${line}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4180' },
      host: { type: 'string', default: '127.0.0.1' },
      settings: { type: 'string' },
      renderer: { type: 'string', default: resolve('out/renderer') },
      'demo-port': { type: 'string', default: '0' },
      'allowed-host': { type: 'string', multiple: true, default: [] },
      'max-screens': { type: 'string', default: String(DEFAULT_STREAM_LIMITS.maxStreams) },
      'trust-proxy': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = intOption('port', values.port, 0, 65_535);
  const demoPort = intOption('demo-port', values['demo-port'], 0, 65_535);
  const maxStreams = intOption('max-screens', values['max-screens'], 1, 100_000);
  const env = process.env;
  const log = hubLog;
  const lan = !isLoopbackHost(values.host);
  const givenKey = env['CALLBOARD_ACCESS_KEY'];
  // Checked before anything starts: a LAN is never served with an empty or guessable key.
  const accessKey = lan
    ? givenKey === undefined
      ? generateKey()
      : strongKey('CALLBOARD_ACCESS_KEY', givenKey)
    : null;
  const names = [
    ...values['allowed-host'],
    ...(env['CALLBOARD_ALLOWED_HOSTS'] ?? '').split(','),
    ...(lan ? [hostname()] : []),
  ]
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const hosts = new HostPolicy(names);
  const settingsPath = resolve(values.settings ?? defaultSettingsPath(env));
  const admin = await adminKey(env, settingsPath);
  const secrets = await chooseSecretStore(env, log);
  if (secrets.note) log(secrets.note);
  const core = await CallboardCore.start({
    settingsPath,
    secrets: secrets.store,
    openBrowser: async (url) => log(`Open this address in a browser to sign in: ${url}`),
    log,
    envAccount: accountFromEnv(env),
    demo: embeddedDemo({ port: demoPort }),
  });
  const registry = await ScreenRegistry.open(join(dirname(settingsPath), 'screens.json'), log);
  const server = new HubServer({
    core,
    rendererDir: values.renderer,
    access: { accessKey, adminKey: admin.key },
    hosts,
    registry,
    streams: { maxStreams },
    trustProxy: values['trust-proxy'],
    log,
  });
  const address = await server.listen(port, values.host);
  printBanner({
    core,
    port: address.port,
    host: values.host,
    accessKey,
    adminWhere: admin.where,
    settingsPath,
    names: hosts.configuredNames,
    maxStreams,
  });
  const shutdown = async () => {
    await server.close();
    await core.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

function printBanner(info: {
  core: CallboardCore;
  port: number;
  host: string;
  accessKey: string | null;
  adminWhere: string;
  settingsPath: string;
  names: string[];
  maxStreams: number;
}): void {
  const status = info.core.connectionStatus();
  const mode =
    status.mode === 'demo'
      ? 'DEMO — embedded emulator with a synthetic call center (no account configured)'
      : `account ${status.account?.id ?? ''} on ${status.account?.server ?? ''}`;
  const query = info.accessKey ? `/?key=${encodeURIComponent(info.accessKey)}` : '/';
  const hosts = isWildcard(info.host) ? lanAddresses() : [info.host];
  const lines = [
    'Callboard hub is running.',
    `  Mode:      ${mode}`,
    ...hosts.map(
      (host) => `  Board:     http://${host.includes(':') ? `[${host}]` : host}:${info.port}${query}`,
    ),
    info.accessKey
      ? `  Access:    screens on the network that open the Board address (with its key) or pair with a code at /pair; at most ${info.maxStreams} at once`
      : '  Access:    programs on this machine only (bound to a loopback address); no other computer can connect',
    `  Names:     IP addresses, localhost${info.names.map((name) => `, ${name}`).join('')} (others refused; add with --allowed-host)`,
    `  Settings:  ${info.settingsPath}`,
    `  Admin key: in ${info.adminWhere} (send as X-Callboard-Admin-Key for settings changes)`,
    `  Requests per refresh: ${info.core.requestsPerRefresh}`,
    info.accessKey
      ? '  On a TV:   open the Board address above in a full-screen browser once, or /pair with a code; it stays let in until revoked.'
      : '  On a TV:   start with --host 0.0.0.0 to serve screens on the LAN.',
    '  Stop with Ctrl+C.',
  ];
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(`Callboard hub could not start: ${errorText(error)}`);
  process.exit(1);
});
