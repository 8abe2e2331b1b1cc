import { HUB_PATHS } from '../../contract/hub-api';

/**
 * The hub's two small pages that come before the app: pairing a screen with a code (`/pair`, typed
 * with a TV remote) and signing in to the settings pages with the admin key (`/settings` before
 * sign-in). One field each, sent as JSON to the hub, which answers with a cookie. Plain HTML and one
 * shared script of the hub's own (its CSP allows no inline script), readable from across a room,
 * usable without a mouse.
 */

interface FormPage {
  title: string;
  heading: string;
  intro: string;
  label: string;
  /** Attributes of the input besides id and name. */
  input: string;
  /** Where the value is posted, under which JSON field, and where to go after success. */
  api: string;
  field: string;
  next: string;
  button: string;
}

function page(form: FormPage): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${form.title}</title>
<style>
  body { font-family: system-ui, sans-serif; background: #0b0f14; color: #f2f5f8; margin: 0;
         min-height: 100vh; display: grid; place-items: center; font-size: clamp(18px, 2.4vw, 40px); }
  main { max-width: 32em; padding: 1em; }
  h1 { font-size: 1.6em; margin: 0 0 .5em; }
  label { display: block; margin: 1em 0 .4em; }
  input { font: inherit; font-size: 1.4em; padding: .15em .3em; max-width: 100%;
          background: #16202b; color: inherit; border: 3px solid #5b6b7c; border-radius: .2em; }
  input:focus { outline: 4px solid #ffd35c; outline-offset: 2px; }
  button { font: inherit; margin-top: .8em; padding: .4em 1em; border-radius: .3em; border: 0;
           background: #ffd35c; color: #0b0f14; font-weight: 700; }
  button:focus { outline: 4px solid #f2f5f8; outline-offset: 2px; }
  #message { min-height: 1.5em; margin-top: 1em; color: #ffb4a8; }
</style>
</head>
<body>
<main>
  <h1>${form.heading}</h1>
  <p>${form.intro}</p>
  <form id="one-field" data-api="${form.api}" data-field="${form.field}" data-next="${form.next}">
    <label for="value">${form.label}</label>
    <input id="value" name="value" ${form.input} required autofocus>
    <div><button type="submit">${form.button}</button></div>
  </form>
  <p id="message" role="alert" aria-live="assertive"></p>
</main>
<script src="${HUB_PATHS.formScript}"></script>
</body>
</html>
`;
}

export const PAIR_PAGE = page({
  title: 'Callboard: pair this screen',
  heading: 'Pair this screen with Callboard',
  intro:
    'In Callboard’s settings, open <strong>Screens</strong> and choose <strong>Pair a screen</strong>. Type the six-digit code it shows.',
  label: 'Pairing code',
  input: 'inputmode="numeric" autocomplete="one-time-code" maxlength="9" pattern="[0-9 -]*" size="8"',
  api: HUB_PATHS.pairApi,
  field: 'code',
  next: '/',
  button: 'Pair',
});

export const ADMIN_SIGN_IN_PAGE = page({
  title: 'Callboard: settings sign-in',
  heading: 'Callboard settings',
  intro:
    'Changing settings needs this hub’s admin key: the value of <code>CALLBOARD_ADMIN_KEY</code>, or the <code>admin-key</code> file next to its settings (the hub prints where at start).',
  label: 'Admin key',
  input: 'type="password" autocomplete="current-password" size="34"',
  api: HUB_PATHS.adminSession,
  field: 'adminKey',
  next: HUB_PATHS.settings,
  button: 'Sign in',
});

/** Posts the one field as JSON; on success goes where the form says, else shows the hub's words. */
export const FORM_SCRIPT = `'use strict';
(function () {
  var form = document.getElementById('one-field');
  var input = document.getElementById('value');
  var message = document.getElementById('message');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    message.textContent = 'One moment…';
    var body = {};
    body[form.dataset.field] = input.value;
    fetch(form.dataset.api, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body)
    })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (answer && answer.ok) { message.textContent = 'Done. Opening…'; location.replace(form.dataset.next); }
        else { message.textContent = (answer && answer.error) || 'That did not work.'; input.select(); }
      })
      .catch(function () { message.textContent = 'Cannot reach the Callboard hub.'; });
  });
})();
`;
