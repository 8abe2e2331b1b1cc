/**
 * The connection to RingCentral (or the embedded demo): sign-in, the stored session, and the
 * transport the poller sends its requests through. Everything else in this folder is internal.
 */
export { Connection } from './connection';
export type {
  BrowserSignInRequest,
  ConnectionOptions,
  JwtCredentials,
  SignOutOptions,
} from './connection-options';
export { NetworkError, NotSignedInError, SignInError, TimeoutError } from './errors';
export { apiErrorMessage, statusDescription } from './api-error-message';
export { redact, Redactor, REDACTED } from './redact';
export { PRODUCTION_SERVER, serverUrlOf, type ServerTarget } from './servers';
export type { ApiRequest, ApiResponse, Transport } from '../poller/transport';
