import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkExternalLink, checkSignInPage, openSignInPage } from '../../../main/electron/external-links';
import { resetElectronMock, shell } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

/** Links go out only over https to RingCentral's sign-in and docs; sign-in also to a local emulator. */

beforeEach(() => resetElectronMock());

describe('external links', () => {
  it('allows https to the allowlisted RingCentral hosts only', () => {
    expect(checkExternalLink('https://developers.ringcentral.com/api-reference')).toEqual({
      ok: true,
      url: 'https://developers.ringcentral.com/api-reference',
    });
    expect(checkExternalLink('https://login.ringcentral.com/').ok).toBe(true);
    for (const refused of [
      'http://developers.ringcentral.com/',
      'https://ringcentral.com.evil.example/',
      'https://evil.example/?https://login.ringcentral.com',
      'https://user:pw@login.ringcentral.com/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://server/share',
      'not a url',
    ])
      expect(checkExternalLink(refused).ok, refused).toBe(false);
  });
});

describe('the browser sign-in page', () => {
  it('opens a RingCentral platform over https or an emulator on this machine in the system browser', async () => {
    await openSignInPage('https://platform.ringcentral.com/restapi/oauth/authorize?client_id=x');
    expect(shell.openExternal).toHaveBeenCalledWith(
      'https://platform.ringcentral.com/restapi/oauth/authorize?client_id=x',
    );
    expect(checkSignInPage('https://platform.devtest.ringcentral.com/restapi/oauth/authorize').ok).toBe(true);
    expect(checkSignInPage('http://127.0.0.1:7070/restapi/oauth/authorize').ok).toBe(true);
  });

  it('refuses any other address with a reason the user can act on, opening nothing', async () => {
    await expect(openSignInPage('http://platform.ringcentral.com/restapi/oauth/authorize')).rejects.toThrow(
      /only on RingCentral .* sign in with a JWT instead/,
    );
    await expect(openSignInPage('https://phish.example/restapi/oauth/authorize')).rejects.toThrow(
      'phish.example',
    );
    await expect(openSignInPage('http://192.168.1.5/authorize')).rejects.toThrow();
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});
