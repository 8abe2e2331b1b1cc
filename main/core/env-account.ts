import { ServerUrlSchema } from '../../contract/connection';
import { PRODUCTION_SERVER } from './connection/servers';

/**
 * A headless deployment's account, from the environment (secrets never on the command line):
 * CALLBOARD_RC_SERVER (default production), CALLBOARD_RC_CLIENT_ID, CALLBOARD_RC_CLIENT_SECRET,
 * CALLBOARD_RC_JWT. All of the last three or none; a partial set is an error that names what is missing.
 */
export interface AccountCredentials {
  serverUrl: string;
  clientId: string;
  clientSecret: string;
  jwt: string;
}

export function accountFromEnv(env: NodeJS.ProcessEnv): AccountCredentials | null {
  const names = ['CALLBOARD_RC_CLIENT_ID', 'CALLBOARD_RC_CLIENT_SECRET', 'CALLBOARD_RC_JWT'] as const;
  const present = names.filter((name) => env[name]);
  if (present.length === 0) return null;
  const missing = names.filter((name) => !env[name]);
  if (missing.length > 0)
    throw new Error(`Account from the environment is incomplete: set ${missing.join(' and ')} too`);
  const serverUrl = env['CALLBOARD_RC_SERVER'] || PRODUCTION_SERVER;
  // The value is never repeated in these messages: it may carry credentials.
  const checked = ServerUrlSchema.safeParse(serverUrl);
  if (!checked.success) {
    throw new Error(`CALLBOARD_RC_SERVER ${checked.error.issues[0]?.message ?? 'is not a valid URL'}`);
  }
  return {
    serverUrl: serverUrl.replace(/\/+$/, ''),
    clientId: env['CALLBOARD_RC_CLIENT_ID'] ?? '',
    clientSecret: env['CALLBOARD_RC_CLIENT_SECRET'] ?? '',
    jwt: env['CALLBOARD_RC_JWT'] ?? '',
  };
}
