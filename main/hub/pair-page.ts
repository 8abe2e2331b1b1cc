import { HUB_PATHS } from '../../contract/hub-api';

/**
 * The page a TV opens to join with a pairing code (`/pair`): six large digits typed with a remote,
 * sent as JSON to the hub, which answers with the screen's own token in a cookie. Plain HTML and a
 * small script of its own (the hub's CSP allows scripts from the hub only, none inline), readable
 * from across a room, usable without a mouse.
 */

export const PAIR_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Callboard: pair this screen</title>
<style>
  body { font-family: system-ui, sans-serif; background: #0b0f14; color: #f2f5f8; margin: 0;
         min-height: 100vh; display: grid; place-items: center; font-size: clamp(18px, 2.4vw, 44px); }
  main { max-width: 32em; padding: 1em; }
  h1 { font-size: 1.6em; margin: 0 0 .5em; }
  label { display: block; margin: 1em 0 .4em; }
  input { font: inherit; font-size: 2em; letter-spacing: .3em; width: 7.5ch; padding: .15em .3em;
          background: #16202b; color: inherit; border: 3px solid #5b6b7c; border-radius: .2em; }
  input:focus { outline: 4px solid #ffd35c; outline-offset: 2px; }
  button { font: inherit; margin-left: .5em; padding: .4em 1em; border-radius: .3em; border: 0;
           background: #ffd35c; color: #0b0f14; font-weight: 700; }
  button:focus { outline: 4px solid #f2f5f8; outline-offset: 2px; }
  #message { min-height: 1.5em; margin-top: 1em; color: #ffb4a8; }
</style>
</head>
<body>
<main>
  <h1>Pair this screen with Callboard</h1>
  <p>In Callboard’s settings, open <strong>Screens</strong> and choose <strong>Pair a screen</strong>. Type the six-digit code it shows.</p>
  <form id="pair">
    <label for="code">Pairing code</label>
    <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="7"
           pattern="[0-9 -]*" required autofocus>
    <button type="submit">Pair</button>
  </form>
  <p id="message" role="alert" aria-live="assertive"></p>
</main>
<script src="${HUB_PATHS.pairScript}"></script>
</body>
</html>
`;

export const PAIR_SCRIPT = `'use strict';
(function () {
  var form = document.getElementById('pair');
  var input = document.getElementById('code');
  var message = document.getElementById('message');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    message.textContent = 'Pairing…';
    fetch('${HUB_PATHS.pairApi}', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ code: input.value })
    })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (answer && answer.ok) { message.textContent = 'Paired. Opening the board…'; location.replace('/'); }
        else { message.textContent = (answer && answer.error) || 'Pairing failed.'; input.select(); }
      })
      .catch(function () { message.textContent = 'Cannot reach the Callboard hub.'; });
  });
})();
`;
