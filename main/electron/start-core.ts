import { join } from 'node:path';
import { app } from 'electron';
import { CallboardCore } from '../core/core';
import { accountFromEnv } from '../core/env-account';
import { chooseSecretStore } from '../core/secrets/startup';
import { embeddedDemo } from '../demo/embedded-demo';
import { openSignInPage } from './external-links';

/**
 * The Node core inside the desktop app: settings in the app's userData folder, secrets in the OS
 * keychain, the embedded demo when no account is set, and browser sign-in through the system
 * browser (checked against the sign-in allowlist), never an in-app window.
 */
export async function startCore(log: (line: string) => void): Promise<CallboardCore> {
  const secrets = await chooseSecretStore(process.env, log);
  if (secrets.note) log(secrets.note);
  return CallboardCore.start({
    settingsPath: join(app.getPath('userData'), 'settings.json'),
    secrets: secrets.store,
    openBrowser: openSignInPage,
    log,
    envAccount: accountFromEnv(process.env),
    demo: embeddedDemo(),
  });
}
