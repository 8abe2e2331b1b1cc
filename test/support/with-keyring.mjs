#!/usr/bin/env node
// Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so keytar talks to a
// real Secret Service (TOOLCHAIN.md). Where either tool is missing, the command runs as it is and
// CALLBOARD_KEYRING=unavailable makes the keychain tests fail, saying what is missing.
import { spawnSync } from 'node:child_process';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: with-keyring.mjs <command> [args...]');
  process.exit(2);
}

const has = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
const quote = (arg) => `'${arg.replaceAll("'", "'\\''")}'`;

let result;
if (has('dbus-run-session') && has('gnome-keyring-daemon')) {
  const script = `echo -n callboard-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec ${command.map(quote).join(' ')}`;
  result = spawnSync('dbus-run-session', ['--', 'sh', '-c', script], {
    stdio: 'inherit',
    env: { ...process.env, CALLBOARD_KEYRING: 'gnome-keyring' },
  });
} else {
  console.error('with-keyring: dbus-run-session or gnome-keyring-daemon not found; keychain tests will fail');
  result = spawnSync(command[0], command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, CALLBOARD_KEYRING: 'unavailable' },
  });
}
if (result.error) {
  console.error(`with-keyring: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
