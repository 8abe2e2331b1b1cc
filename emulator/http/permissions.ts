import { ApiError } from '../analytics/errors';

/**
 * App permissions ("scopes") the emulator knows and checks, as RingCentral names them in the OpenAPI
 * spec's `x-app-permission`: Analytics (the analytics API), ReadAccounts (extensions, call queues),
 * ReadPresence (presence and presence events), CallControl (telephony session events) and WebSocket
 * (POST /restapi/oauth/wstoken). An app is configured with the ones it has; by default, all of them.
 */

export const PERMISSIONS = ['Analytics', 'ReadAccounts', 'ReadPresence', 'CallControl', 'WebSocket'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export function missingPermissionMessage(permission: string): string {
  return `In order to call this API endpoint, application needs to have [${permission}] permission`;
}

/**
 * RingCentral's answer to a call the app has no permission for: 403 CMN-401, the permission named in
 * the entry and, as the platform also does, repeated at the top level.
 */
export function missingPermission(permission: string): ApiError {
  const message = missingPermissionMessage(permission);
  const entry = { errorCode: 'CMN-401', message, permissionName: permission };
  return new ApiError(403, [entry], {}, { errorCode: 'CMN-401', message, permissionName: permission });
}
