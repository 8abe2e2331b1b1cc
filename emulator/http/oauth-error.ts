/** An OAuth failure: `error` per RFC 6749 plus RingCentral's `errors[]`. */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
    readonly errorCode = 'OAU-251',
  ) {
    super(description);
  }

  body() {
    return {
      error: this.error,
      error_description: this.description,
      errors: [{ errorCode: this.errorCode, message: this.description }],
    };
  }
}
