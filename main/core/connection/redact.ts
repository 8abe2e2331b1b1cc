/**
 * Keeps credentials out of log lines and error messages. Two nets: the exact values this process
 * knows are secret (client secret, JWT, tokens, codes, PKCE verifiers), and patterns for credential
 * shapes it may never have seen (a bearer header, `access_token=…`, a JSON `"refresh_token": "…"`,
 * a JWT), so a server echoing something back cannot leak it either.
 */

export const REDACTED = '[redacted]';

/** Shorter values are too likely to match ordinary text (and too short to be real credentials). */
const MIN_SECRET_LENGTH = 6;

const CREDENTIAL_NAMES =
  'access_token|refresh_token|id_token|token|code|code_verifier|assertion|client_secret|clientSecret|jwt|password';

const PATTERNS: Array<[RegExp, string]> = [
  // Authorization headers, wherever they are printed (16+ characters: not "Basic information").
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{16,}/g, `$1 ${REDACTED}`],
  // Query strings and form bodies: name=value.
  [new RegExp(`\\b(${CREDENTIAL_NAMES})=[^&\\s"',;]+`, 'g'), `$1=${REDACTED}`],
  // JSON: "name": "value".
  [new RegExp(`"(${CREDENTIAL_NAMES})"\\s*:\\s*"[^"]*"`, 'g'), `"$1":"${REDACTED}"`],
  // A JSON Web Token: three base64url parts, the first a JSON header ("eyJ" is '{"').
  [/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, REDACTED],
];

/** Remove known secret values and credential-shaped text from `text`. */
export function redact(text: string, secrets: Iterable<string> = []): string {
  let result = text;
  // Longest first, so a secret that contains another is removed whole.
  const known = [...new Set(secrets)].filter((s) => s.length >= MIN_SECRET_LENGTH);
  known.sort((a, b) => b.length - a.length);
  for (const secret of known) result = result.split(secret).join(REDACTED);
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
  return result;
}

/**
 * Remembers the secrets one connection handles and redacts them from everything it logs. Bounded:
 * a connection that refreshes for months must not grow a list of every token it ever held.
 */
export class Redactor {
  private readonly secrets: string[] = [];

  constructor(private readonly limit = 64) {}

  remember(...values: Array<string | null | undefined>): void {
    for (const value of values.flatMap((v) => (v ? [v, encodeURIComponent(v)] : []))) {
      if (!value || value.length < MIN_SECRET_LENGTH || this.secrets.includes(value)) continue;
      this.secrets.push(value);
      if (this.secrets.length > this.limit) this.secrets.shift();
    }
  }

  /**
   * An app's client credentials as they travel: the secret itself, URL-encoded in a form body, and
   * inside the Basic authorization header (base64 of "id:secret"), so an echo of any of them is caught.
   */
  rememberClient(clientId: string, clientSecret: string | null | undefined): void {
    if (!clientSecret) return;
    const basic = Buffer.from(`${clientId}:${clientSecret}`);
    this.remember(
      clientSecret,
      encodeURIComponent(clientSecret),
      basic.toString('base64'),
      basic.toString('base64url'),
    );
  }

  apply(text: string): string {
    return redact(text, this.secrets);
  }

  /** A log function that redacts every line before passing it on. */
  wrap(log: (line: string) => void): (line: string) => void {
    return (line) => log(this.apply(line));
  }
}
