import { SettingsError } from './settings-error';

/**
 * Defence in depth for "no secret ever in the settings file": the schema already has nowhere to put
 * one, but a future field or a careless caller could add it. Anything headed for disk is walked and
 * refused when a property is named like a credential, before the schema gets a chance to strip it
 * silently (a stripped secret would still have been sent somewhere it should not have gone).
 */

/** Property names (case and separators ignored) that only a credential would carry. */
const SECRET_NAME =
  /(secret|token|tokens|password|passwd|passphrase|jwt|credential|credentials|privatekey|apikey|accesskey|adminkey|authorization|cookie)$/;

/** True/false flags such as `useJwt` and explicit nulls cannot hold a secret, so they pass. */
function couldHoldSecret(value: unknown): boolean {
  return value !== null && value !== undefined && typeof value !== 'boolean';
}

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name.toLowerCase().replace(/[-_\s]/g, ''));
}

/** The path of the first property named like a secret (e.g. `connection.clientSecret`), or null. */
export function findSecretField(value: unknown): string | null {
  return walk(value, '', new Set());
}

function walk(value: unknown, path: string, seen: Set<object>): string | null {
  if (typeof value !== 'object' || value === null || seen.has(value)) return null;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = walk(item, `${path}[${index}]`, seen);
      if (found) return found;
    }
    return null;
  }
  for (const [name, item] of Object.entries(value)) {
    const here = path ? `${path}.${name}` : name;
    if (isSecretName(name) && couldHoldSecret(item)) return here;
    const found = walk(item, here, seen);
    if (found) return found;
  }
  return null;
}

/** Throws a SettingsError naming the field when `value` carries anything named like a secret. */
export function assertNoSecrets(value: unknown, refusal: string): void {
  const field = findSecretField(value);
  if (field) {
    throw new SettingsError(
      `${refusal}: ${field} looks like a secret; secrets are kept in the OS keychain, never in settings or board files`,
    );
  }
}
