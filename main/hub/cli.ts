import { mkdir, readFile } from 'node:fs/promises';
import { networkInterfaces, homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CallboardCore } from '../core/core';
import { accountFromEnv } from '../core/env-account';
import { writeDurably } from '../core/files/durable-file';
import { chooseSecretStore } from '../core/secrets/startup';
import { embeddedDemo } from '../demo/embedded-demo';
import { generateKey } from './access';
import { HubServer } from './hub-server';
import { errorText } from '../../contract/error-text';

/**
 * `npm run serve`: the headless hub. Runs the core once and serves the board to any number of
 * screens. Binds 127.0.0.1 unless --host says otherwise; a LAN needs the access key, which is part
 * of the address printed for TVs. Settings changes need the admin key (CALLBOARD_ADMIN_KEY, or one
 * generated and kept next to the settings file with owner-only permissions).
 */

const USAGE = `Usage: npm run serve -- [--port 4180] [--host 127.0.0.1] [--settings FILE] [--renderer DIR] [--demo-port N]
Account (optional; otherwise settings.json, otherwise the embedded demo):
  CALLBOARD_RC_SERVER, CALLBOARD_RC_CLIENT_ID, CALLBOARD_RC_CLIENT_SECRET, CALLBOARD_RC_JWT
Keys: CALLBOARD_ACCESS_KEY (LAN viewers), CALLBOARD_ADMIN_KEY (settings). Secrets: CALLBOARD_SECRETS=memory`;

function defaultSettingsPath(env: NodeJS.ProcessEnv): string {
  const base = env['XDG_CONFIG_HOME'] || join(homedir(), '.config');
  return join(base, 'callboard', 'settings.json');
}

async function adminKey(
  env: NodeJS.ProcessEnv,
  settingsPath: string,
): Promise<{ key: string; where: string }> {
  const fromEnv = env['CALLBOARD_ADMIN_KEY'];
  if (fromEnv) return { key: fromEnv, where: 'CALLBOARD_ADMIN_KEY' };
  const file = join(dirname(settingsPath), 'admin-key');
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (existing) return { key: existing, where: file };
  } catch {
    // No key yet: make one below.
  }
  const key = generateKey();
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeDurably(file, `${key}\n`);
  return { key, where: file };
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4180' },
      host: { type: 'string', default: '127.0.0.1' },
      settings: { type: 'string' },
      renderer: { type: 'string', default: resolve('out/renderer') },
      'demo-port': { type: 'string', default: '0' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port must be 0–65535, not "${values.port}"`);
  const demoPort = Number(values['demo-port']);
  if (!Number.isInteger(demoPort) || demoPort < 0 || demoPort > 65_535) {
    throw new Error(`--demo-port must be 0–65535, not "${values['demo-port']}"`);
  }
  const env = process.env;
  const log = (line: string) => console.error(`[hub] ${line}`);
  const settingsPath = resolve(values.settings ?? defaultSettingsPath(env));
  const secrets = await chooseSecretStore(env, log);
  if (secrets.note) log(secrets.note);
  const lan = !isLoopbackHost(values.host);
  const accessKey = lan ? (env['CALLBOARD_ACCESS_KEY'] ?? generateKey()) : null;
  const admin = await adminKey(env, settingsPath);
  const core = await CallboardCore.start({
    settingsPath,
    secrets: secrets.store,
    openBrowser: async (url) => log(`Open this address in a browser to sign in: ${url}`),
    log,
    envAccount: accountFromEnv(env),
    demo: embeddedDemo({ port: demoPort }),
  });
  const server = new HubServer({
    core,
    rendererDir: values.renderer,
    access: { accessKey, adminKey: admin.key },
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
}): void {
  const status = info.core.connectionStatus();
  const mode =
    status.mode === 'demo'
      ? 'DEMO — embedded emulator with a synthetic call center (no account configured)'
      : `account ${status.account?.id ?? ''} on ${status.account?.server ?? ''}`;
  const query = info.accessKey ? `/?key=${info.accessKey}` : '/';
  const hosts = info.host === '0.0.0.0' ? lanAddresses() : [info.host];
  const lines = [
    'Callboard hub is running.',
    `  Mode:      ${mode}`,
    ...hosts.map(
      (host) => `  Board:     http://${host.includes(':') ? `[${host}]` : host}:${info.port}${query}`,
    ),
    `  Settings:  ${info.settingsPath}`,
    `  Admin key: in ${info.adminWhere} (send as X-Callboard-Admin-Key for settings changes)`,
    `  Requests per refresh: ${info.core.requestsPerRefresh}`,
    info.accessKey
      ? '  On a TV:   open the Board address above in a full-screen browser once; it remembers the key.'
      : '  On a TV:   this hub serves this machine only; start with --host 0.0.0.0 to serve screens on the LAN.',
    '  Stop with Ctrl+C.',
  ];
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(`Callboard hub could not start: ${errorText(error)}`);
  process.exit(1);
});
