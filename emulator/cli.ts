import { parseArgs } from 'node:util';
import { DEMO_APP, Emulator } from './emulator';
import { PERMISSIONS } from './http/permissions';
import { loadCallsFile, loadDirectoryFile } from './load';
import { errorText } from '../contract/error-text';

/**
 * npm run emulator -- --port 7070 --seed 42 [--directory FILE --calls FILE] [--speed 60]
 * Runs the local RingCentral platform until interrupted.
 */

const USAGE = `Usage: npm run emulator -- [options]
  --port N             port to listen on (default 7070; 0 picks a free one)
  --host ADDR          address to bind (default 127.0.0.1)
  --directory FILE     directory JSON (default: the demo contact centre)
  --calls FILE         calls as JSON Lines (default: a live synthetic call centre)
  --seed N             synthetic call centre seed (default 42)
  --speed N            data clock speed factor (default 1; 60 = an hour a minute)
  --now ISO            start the data clock at this instant
  --history-days N     synthetic days before today (default 14)
  --open-every-day     synthetic centre open seven days, weekends like a weekday
  --client-id ID       accepted client id (default ${DEMO_APP.clientId})
  --client-secret S    its secret (default ${DEMO_APP.clientSecret})
  --jwt TOKEN          accepted JWT assertion (default ${DEMO_APP.jwt})
  --permissions LIST   the app's permissions, comma-separated (default all: ${PERMISSIONS.join(',')})
  --access-ttl S       access token lifetime in seconds (default 3600)
  --refresh-ttl S      refresh token lifetime in seconds (default 604800)
  --light-limit N      Light-group requests per 60 s (default 50)
  --auth-limit N       Auth-group requests per 60 s (default 5)`;

function numberOption(value: string | undefined, name: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min) {
    throw new Error(`--${name} must be a number of at least ${min}, got "${value}"`);
  }
  return parsed;
}

/** A comma-separated list of permissions the emulator knows; undefined keeps the default (all). */
function permissionsOption(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const list = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = list.filter((name) => !(PERMISSIONS as readonly string[]).includes(name));
  if (unknown.length)
    throw new Error(`--permissions: unknown ${unknown.join(', ')}; known are ${PERMISSIONS.join(', ')}`);
  return list;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '7070' },
      host: { type: 'string', default: '127.0.0.1' },
      directory: { type: 'string' },
      calls: { type: 'string' },
      seed: { type: 'string' },
      speed: { type: 'string' },
      now: { type: 'string' },
      'history-days': { type: 'string' },
      'open-every-day': { type: 'boolean', default: false },
      'client-id': { type: 'string', default: DEMO_APP.clientId },
      'client-secret': { type: 'string', default: DEMO_APP.clientSecret },
      jwt: { type: 'string', default: DEMO_APP.jwt },
      permissions: { type: 'string' },
      'access-ttl': { type: 'string' },
      'refresh-ttl': { type: 'string' },
      'light-limit': { type: 'string' },
      'auth-limit': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const now = values.now === undefined ? undefined : Date.parse(values.now);
  if (now !== undefined && Number.isNaN(now))
    throw new Error(`--now must be an ISO date-time, got "${values.now}"`);
  const directory = values.directory ? await loadDirectoryFile(values.directory) : undefined;
  const calls = values.calls ? await loadCallsFile(values.calls) : undefined;
  const lightLimit = numberOption(values['light-limit'], 'light-limit');
  const authLimit = numberOption(values['auth-limit'], 'auth-limit');
  const emulator = new Emulator({
    port: numberOption(values.port, 'port'),
    host: values.host,
    directory,
    calls,
    seed: numberOption(values.seed, 'seed'),
    speed: numberOption(values.speed, 'speed', 0.001),
    now,
    historyDays: numberOption(values['history-days'], 'history-days'),
    openEveryDay: values['open-every-day'],
    apps: [
      {
        clientId: values['client-id'],
        clientSecret: values['client-secret'],
        permissions: permissionsOption(values.permissions),
      },
    ],
    jwts: undefined,
    accessTokenTtl: numberOption(values['access-ttl'], 'access-ttl'),
    refreshTokenTtl: numberOption(values['refresh-ttl'], 'refresh-ttl'),
    limits: {
      ...(lightLimit !== undefined
        ? { light: { limit: lightLimit, windowSeconds: 60, penaltySeconds: 60 } }
        : {}),
      ...(authLimit !== undefined
        ? { auth: { limit: authLimit, windowSeconds: 60, penaltySeconds: 60 } }
        : {}),
    },
  });
  if (values.jwt !== DEMO_APP.jwt)
    emulator.oauth.options.jwts = { [values.jwt]: emulator.oauth.options.defaultOwnerId };
  const url = await emulator.start();
  const data = calls
    ? `${calls.length} calls from ${values.calls}`
    : `live synthetic call centre (seed ${values.seed ?? 42}${values['open-every-day'] ? ', open every day' : ''})`;
  console.log(`RingCentral emulator listening on ${url}`);
  console.log(`  account   ${emulator.directory.account.id} (${emulator.directory.account.timeZone})`);
  console.log(
    `  data      ${data}; clock ${new Date(emulator.clock.now()).toISOString()} ×${emulator.clock.speed}`,
  );
  console.log(`  sign in   client id ${values['client-id']}, JWT ${values.jwt}`);
  console.log(`  live      ${url.replace(/^http/, 'ws')}/ws (token: POST /restapi/oauth/wstoken)`);
  console.log(`  control   ${url}/__emulator/stats, /faults, /clock, /live, /ws, /reset (loopback only)`);
  const stop = () => {
    void emulator.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`emulator: ${errorText(error)}`);
  process.exit(1);
});
