/**
 * Keychain tests need the real Secret Service that test/support/with-keyring.mjs starts (gnome-keyring
 * in a private D-Bus session; `npm run test:integration` runs through it). Without it they fail and
 * say how to run them: a keychain test that silently skipped would prove nothing.
 */
export function requireKeyring(): void {
  const keyring = process.env['CALLBOARD_KEYRING'];
  if (keyring !== 'gnome-keyring') {
    throw new Error(
      `This test needs gnome-keyring in a D-Bus session: run it through npm run test:integration ` +
        `(test/support/with-keyring.mjs). CALLBOARD_KEYRING is "${keyring ?? 'unset'}".`,
    );
  }
}
