/// The side-by-side demo page served at `GET /`: one self-contained HTML document.
///
/// Inline CSS and JavaScript only: no external scripts, styles, fonts or images, so the
/// page works offline and makes no request except to this server. Everything the server
/// says is inserted with `textContent`, never as HTML.
enum DemoPage {
    /// The page, served as `text/html; charset=utf-8`.
    static let html: String = #"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light">
        <title>authlab: sessions and JWTs side by side</title>
        <style>
        :root {
          --fg: #1b1b1f; --muted: #4a4a55; --line: #c9c9d2; --accent: #0b57d0;
          --h: #b3261e; --p: #6a1b9a; --s: #00695c; --ok: #2e7d32;
        }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.45 system-ui, sans-serif; color: var(--fg);
          background: #f4f4f7; }
        header, main { max-width: 1240px; margin: 0 auto; padding: 0 1rem; }
        h1 { font-size: 1.6rem; margin: 1rem 0 .25rem; }
        h2 { font-size: 1.25rem; margin: 0 0 .5rem; }
        h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
        h4 { font-size: .95rem; margin: .6rem 0 .2rem; }
        .card { background: #fff; border: 1px solid var(--line); border-radius: 8px;
          padding: 1rem; margin: 1rem 0; min-width: 0; }
        .columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
          gap: 1rem; align-items: start; }
        .columns > .card { margin: 0; }
        @media (max-width: 600px) {
          .columns { grid-template-columns: minmax(0, 1fr); }
        }
        .fields { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }
        label { display: block; font-weight: 600; margin: .3rem 0 .15rem; }
        input { font: inherit; padding: .4rem .5rem; border: 1px solid #6e6e78;
          border-radius: 4px; width: 16rem; max-width: 100%; }
        small { display: block; color: var(--muted); }
        .actions { display: flex; flex-wrap: wrap; gap: .4rem; margin: .5rem 0; }
        button { font: inherit; padding: .45rem .9rem; border: 2px solid var(--accent);
          border-radius: 4px; background: var(--accent); color: #fff; cursor: pointer; }
        button.secondary { background: #fff; color: var(--accent); }
        button.danger { background: #fff; color: var(--h); border-color: var(--h); }
        :focus { outline: none; }
        :focus-visible { outline: 3px solid #111; outline-offset: 2px; }
        input:focus-visible { box-shadow: 0 0 0 2px #fff; }
        pre { background: #f3f3f6; border: 1px solid var(--line); border-radius: 4px;
          padding: .5rem; margin: .25rem 0; white-space: pre-wrap; word-break: break-all;
          font: 13px/1.4 ui-monospace, Menlo, Consolas, monospace; max-height: 24rem;
          overflow: auto; }
        pre:empty { display: none; }
        code { font-family: ui-monospace, Menlo, Consolas, monospace; }
        .note { color: var(--muted); font-size: .92rem; }
        .status { padding: .5rem .6rem; border-left: 4px solid var(--line);
          background: #fafafc; margin: .3rem 0; min-height: 2.5rem; }
        .status[data-state="ok"] { border-color: var(--ok); }
        .status[data-state="error"] { border-color: var(--h); }
        .status[data-state="busy"] { border-color: var(--accent); }
        .tok-h { color: var(--h); }
        .tok-p { color: var(--p); }
        .tok-s { color: var(--s); }
        pre.token { font-size: 14px; background: #fff; }
        mark { background: #ffe066; color: #000; outline: 1px solid #000; }
        table { border-collapse: collapse; font-size: .9rem; margin: .3rem 0; }
        caption { text-align: left; font-weight: 600; padding-bottom: .2rem; }
        th, td { border: 1px solid var(--line); padding: .2rem .5rem; text-align: left; }
        td.ms { text-align: right; font-variant-numeric: tabular-nums; }
        .skip { position: absolute; left: -999px; }
        .skip:focus { left: 1rem; top: .5rem; background: #fff; padding: .3rem; }
        </style>
        </head>
        <body>
        <a class="skip" href="#columns">Skip to the two columns</a>
        <header>
        <h1>authlab: server-side sessions and JWTs, side by side</h1>
        <p>Register one user, then log in on both sides with the same name and password.
        Every call below shows the request this page sent, the response it got, and the
        server's <code>Server-Timing</code> header: what authentication cost on the server.</p>
        </header>
        <main>
        <section class="card" aria-labelledby="register-title">
        <h2 id="register-title">1. A user for both sides</h2>
        <form id="register-form" novalidate>
        <div class="fields">
        <div>
        <label for="username">Username</label>
        <input id="username" name="username" autocomplete="username" spellcheck="false"
          autocapitalize="none" placeholder="e.g. alice" aria-describedby="username-hint">
        <small id="username-hint">3 to 32 of a-z, 0-9, _ . -</small>
        </div>
        <div>
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="new-password"
          aria-describedby="password-hint">
        <small id="password-hint">at least 8 characters</small>
        </div>
        </div>
        <div class="actions">
        <button type="submit" id="register">Register (POST /users)</button>
        </div>
        </form>
        <p id="register-status" class="status" role="status" aria-live="polite">
        No user registered from this page yet.</p>
        <details>
        <summary>Last call</summary>
        <pre id="register-request">(no call yet)</pre>
        <pre id="register-response"></pre>
        <table id="last-timing-register">
        <caption>Server-Timing</caption>
        <thead><tr><th scope="col">metric</th><th scope="col">ms</th>
        <th scope="col">description</th></tr></thead>
        <tbody><tr><td colspan="3">no call yet</td></tr></tbody>
        </table>
        </details>
        </section>

        <div class="columns" id="columns">
        <section class="card" id="col-session" aria-labelledby="session-title">
        <h2 id="session-title">Server-side session (cookie)</h2>
        <p class="note">The server keeps the session as a row in SQLite and gives the browser
        only a random id, <code>sid</code>, in an HttpOnly cookie. The browser sends it back by
        itself on every request. Logging out deletes the row: the id stops working at once.</p>
        <div class="actions" role="group" aria-label="Session actions">
        <button type="button" id="session-login">Log in (session)</button>
        <button type="button" id="session-me" class="secondary">Me</button>
        <button type="button" id="session-sessions" class="secondary">My sessions</button>
        <button type="button" id="session-logout" class="danger">Log out</button>
        </div>
        <p id="session-status" class="status" role="status" aria-live="polite">
        Not logged in.</p>
        <ul id="session-list" aria-label="Live sessions"></ul>
        <h3>What JavaScript can see</h3>
        <p><code>document.cookie</code> after login returns:
        <code id="session-cookie-visible" data-sid-visible="">(log in first)</code></p>
        <p class="note">The login response did set a cookie named <code>sid</code>, and the
        browser sends it with every request to this server, but the cookie is HttpOnly:
        <code>document.cookie</code> does not list it, so a script injected into this page
        (XSS) cannot read or steal the session id. The <code>csrf_token</code> from the login
        answer is kept in a JavaScript variable and sent as <code>X-CSRF-Token</code> on
        logout, so another site cannot log you out with your cookie.</p>
        <h3>Last call</h3>
        <h4>Request</h4>
        <pre id="session-request">(no call yet)</pre>
        <p class="note">The browser adds <code>Host</code>, <code>Cookie: sid=...</code> (when
        it holds one) and a few more headers itself; scripts never see <code>Cookie</code>.</p>
        <h4>Response</h4>
        <pre id="session-response"></pre>
        <p class="note"><code>Set-Cookie</code> is never readable from JavaScript, not even on
        the same origin: the browser filters it out. Developer tools show it.</p>
        <table id="last-timing-session">
        <caption>Server-Timing</caption>
        <thead><tr><th scope="col">metric</th><th scope="col">ms</th>
        <th scope="col">description</th></tr></thead>
        <tbody><tr><td colspan="3">no call yet</td></tr></tbody>
        </table>
        </section>

        <section class="card" id="col-jwt" aria-labelledby="jwt-title">
        <h2 id="jwt-title">Stateless token (JWT)</h2>
        <p class="note">The server signs a token and keeps nothing: whoever presents a token
        with a valid signature and an <code>exp</code> in the future is let in. Fast (no
        database on <code>/jwt/me</code>), but a token cannot be taken back before it
        expires.</p>
        <div class="actions" role="group" aria-label="Token actions">
        <button type="button" id="jwt-login">Log in (JWT)</button>
        <button type="button" id="jwt-me" class="secondary">Me</button>
        <button type="button" id="jwt-refresh" class="secondary">Refresh</button>
        <button type="button" id="jwt-logout" class="danger">Log out</button>
        <button type="button" id="jwt-tamper" class="danger">Tamper and call Me</button>
        </div>
        <p id="jwt-status" class="status" role="status" aria-live="polite">No token held.</p>
        <h3>Where the tokens live</h3>
        <p class="note" id="jwt-storage-note">In a plain JavaScript variable and nowhere else.
        Not in <code>localStorage</code>: any script running on this origin (one XSS bug is
        enough) can read <code>localStorage</code> and send the token away, and it outlives
        the tab. A variable dies with the tab. In production the refresh token would live in
        an HttpOnly cookie, out of reach of scripts, like <code>sid</code> on the left.</p>
        <h3>The access token, decoded</h3>
        <p><span class="tok-h">header</span>.<span class="tok-p">payload</span>.<span
          class="tok-s">signature</span>, each base64url: an encoding, not encryption.
        Anyone can read the first two parts; only the signature protects them.</p>
        <pre id="jwt-compact" class="token" aria-label="Access token">(no token)</pre>
        <p>Expires in: <strong id="jwt-countdown" data-seconds="">no token</strong>
        <span id="jwt-times" class="note"></span></p>
        <h4 class="tok-h">Header</h4>
        <pre id="jwt-header-json" class="tok-h"></pre>
        <h4 class="tok-p">Payload (claims)</h4>
        <pre id="jwt-payload-json" class="tok-p"></pre>
        <h4 class="tok-s">Signature</h4>
        <p id="jwt-signature-info" class="note tok-s"></p>
        <h3>Tamper</h3>
        <p class="note">Flips one bit of the payload (one base64url character) of the token
        held in memory and sends the forgery to <code>/jwt/me</code>. The signature no longer
        matches, so the server must answer 401. The token in memory is left intact.</p>
        <pre id="jwt-tampered" class="token" aria-label="Tampered token"></pre>
        <p id="jwt-tamper-result" class="status" role="status" aria-live="polite">
        Not tried yet.</p>
        <h3>Last call</h3>
        <h4>Request</h4>
        <pre id="jwt-request">(no call yet)</pre>
        <h4>Response</h4>
        <pre id="jwt-response"></pre>
        <table id="last-timing-jwt">
        <caption>Server-Timing</caption>
        <thead><tr><th scope="col">metric</th><th scope="col">ms</th>
        <th scope="col">description</th></tr></thead>
        <tbody><tr><td colspan="3">no call yet</td></tr></tbody>
        </table>
        </section>
        </div>
        </main>
        <noscript><p>This page needs JavaScript to call the API.</p></noscript>
        <script>
        (() => {
        'use strict';
        const $ = (id) => document.getElementById(id);
        // Secrets held by this page: plain variables, gone when the tab closes.
        const mem = { csrf: null, access: null, refresh: null, exp: null };
        const REASONS = {
          200: 'OK', 201: 'Created', 204: 'No Content', 400: 'Bad Request',
          401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
          409: 'Conflict', 413: 'Content Too Large', 429: 'Too Many Requests',
          500: 'Internal Server Error', 503: 'Service Unavailable',
        };

        function credentials() {
          return { username: $('username').value.trim(), password: $('password').value };
        }

        function setStatus(id, state, text) {
          const el = $(id);
          el.dataset.state = state;
          el.textContent = text;
        }

        function when(seconds) {
          return typeof seconds === 'number' ? new Date(seconds * 1000).toLocaleString() : '?';
        }

        // The body as shown on screen: the password is replaced, the rest is as sent.
        function shownBody(value) {
          const copy = Object.assign({}, value);
          if (typeof copy.password === 'string') {
            copy.password = '<' + copy.password.length + ' characters, sent as typed>';
          }
          return JSON.stringify(copy);
        }

        // Server-Timing: metric;dur=1.2;desc="text", metric2;dur=3
        function parseServerTiming(value) {
          const metrics = [];
          if (!value) return metrics;
          const n = value.length;
          let i = 0;
          const skip = () => { while (i < n && (value[i] === ' ' || value[i] === '\t')) i++; };
          const token = () => {
            const start = i;
            while (i < n && !',;= \t"'.includes(value[i])) i++;
            return value.slice(start, i);
          };
          const paramValue = () => {
            if (value[i] !== '"') return token();
            i++;
            let out = '';
            while (i < n && value[i] !== '"') {
              if (value[i] === '\\' && i + 1 < n) i++;
              out += value[i];
              i++;
            }
            i++;
            return out;
          };
          while (i < n) {
            skip();
            const metric = { name: token(), dur: null, desc: '' };
            skip();
            while (i < n && value[i] === ';') {
              i++;
              skip();
              const key = token().toLowerCase();
              skip();
              let v = '';
              if (value[i] === '=') { i++; skip(); v = paramValue(); skip(); }
              if (key === 'dur') metric.dur = Number(v);
              if (key === 'desc') metric.desc = v;
            }
            if (metric.name) metrics.push(metric);
            while (i < n && value[i] !== ',') i++;
            i++;
          }
          return metrics;
        }

        function renderTiming(panel, header, ms) {
          const table = $('last-timing-' + panel);
          const body = table.tBodies[0];
          body.replaceChildren();
          const row = (name, dur, desc) => {
            const tr = document.createElement('tr');
            const th = document.createElement('th');
            th.scope = 'row';
            th.textContent = name;
            const td = document.createElement('td');
            td.className = 'ms';
            td.textContent = dur;
            const dd = document.createElement('td');
            dd.textContent = desc;
            tr.append(th, td, dd);
            body.append(tr);
          };
          const metrics = parseServerTiming(header);
          for (const m of metrics) {
            const dur = m.dur === null || Number.isNaN(m.dur) ? '-' : m.dur.toFixed(3);
            row(m.name, dur, m.desc);
          }
          if (metrics.length === 0) row('(none)', '-', 'no Server-Timing header');
          row('round trip', ms.toFixed(1), 'measured by this page: network and server');
          table.dataset.metrics = metrics.map((m) => m.name).join(' ');
        }

        // One HTTP call, shown raw in the panel's request and response boxes.
        async function call(panel, method, path, options) {
          const opts = options || {};
          const headers = Object.assign({}, opts.headers || {});
          let body;
          if (opts.json !== undefined) {
            headers['Content-Type'] = 'application/json';
            body = JSON.stringify(opts.json);
          }
          const lines = [method + ' ' + path + ' HTTP/1.1'];
          for (const [name, value] of Object.entries(headers)) lines.push(name + ': ' + value);
          $(panel + '-request').textContent =
            lines.join('\n') + (body === undefined ? '' : '\n\n' + shownBody(opts.json));
          $(panel + '-response').textContent = 'waiting...';
          const started = performance.now();
          let res;
          let text;
          try {
            res = await fetch(path, {
              method, headers, body, credentials: 'same-origin', cache: 'no-store',
            });
            text = await res.text();
          } catch (err) {
            $(panel + '-response').textContent = 'network error: ' + err.message;
            renderTiming(panel, null, performance.now() - started);
            return { status: 0, ok: false, headers: new Headers(), json: null };
          }
          const ms = performance.now() - started;
          let json = null;
          try { json = text ? JSON.parse(text) : null; } catch (_) { json = null; }
          const reason = res.statusText || REASONS[res.status] || '';
          const out = ['HTTP/1.1 ' + res.status + ' ' + reason];
          res.headers.forEach((value, name) => out.push(name + ': ' + value));
          const shown = json === null ? text : JSON.stringify(json, null, 2);
          $(panel + '-response').textContent = out.join('\n') + '\n\n' + shown;
          renderTiming(panel, res.headers.get('server-timing'), ms);
          return { status: res.status, ok: res.ok, headers: res.headers, json };
        }

        // A parameter of a WWW-Authenticate challenge, unquoted.
        function challengeParam(header, name) {
          const re = /([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g;
          let m;
          while ((m = re.exec(header || '')) !== null) {
            if (m[1].toLowerCase() !== name) continue;
            return m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
          }
          return '';
        }

        function failed(id, r) {
          const parts = [r.status ? r.status + ' ' + (REASONS[r.status] || '') : 'No answer'];
          if (r.json && r.json.error) parts.push(r.json.error);
          let text = parts.join(': ');
          if (r.json && r.json.error_description) text += ' (' + r.json.error_description + ')';
          const challenge = r.headers.get('www-authenticate');
          if (challenge) text += '. WWW-Authenticate: ' + challenge;
          const retry = r.headers.get('retry-after');
          if (retry) text += '. Retry after ' + retry + ' s.';
          setStatus(id, 'error', text);
        }

        // Register --------------------------------------------------------------
        async function register() {
          setStatus('register-status', 'busy', 'Registering...');
          const r = await call('register', 'POST', '/users', { json: credentials() });
          if (r.status === 201 && r.json) {
            setStatus('register-status', 'ok', 'Registered ' + r.json.username + ' (id ' +
              r.json.id + '). Now log in on either side.');
          } else {
            failed('register-status', r);
          }
        }

        // Session column --------------------------------------------------------
        function showCookie() {
          const seen = document.cookie;
          const visible = /(^|;\s*)sid=/.test(seen);
          const el = $('session-cookie-visible');
          el.dataset.sidVisible = String(visible);
          el.textContent = JSON.stringify(seen) + (visible
            ? ': sid IS readable, the cookie is not HttpOnly!'
            : ': no sid in it, HttpOnly keeps it away from JavaScript');
        }

        function sessionText(user, session) {
          const until = session ? ' The session ends ' + when(session.expires_at) + '.' : '';
          return 'Logged in as ' + user.username + ' (id ' + user.id + ').' + until;
        }

        async function sessionLogin() {
          setStatus('session-status', 'busy', 'Logging in...');
          const r = await call('session', 'POST', '/session/login', { json: credentials() });
          if (r.status === 200 && r.json && r.json.user) {
            mem.csrf = r.json.csrf_token || null;
            setStatus('session-status', 'ok', sessionText(r.json.user, r.json.session));
          } else {
            failed('session-status', r);
          }
          showCookie();
        }

        async function sessionMe() {
          setStatus('session-status', 'busy', 'Asking the server...');
          const r = await call('session', 'GET', '/session/me');
          if (r.status === 200 && r.json && r.json.user) {
            setStatus('session-status', 'ok', 'The server found your session row. ' +
              sessionText(r.json.user, r.json.session));
          } else {
            failed('session-status', r);
          }
        }

        async function sessionList() {
          setStatus('session-status', 'busy', 'Listing sessions...');
          const r = await call('session', 'GET', '/session/sessions');
          const list = $('session-list');
          list.replaceChildren();
          if (r.status === 200 && r.json && Array.isArray(r.json.sessions)) {
            for (const s of r.json.sessions) {
              const li = document.createElement('li');
              li.textContent = s.id_prefix + '... created ' + when(s.created_at) +
                ', expires ' + when(s.expires_at) + (s.current ? ' (this browser)' : '');
              list.append(li);
            }
            setStatus('session-status', 'ok', r.json.sessions.length +
              ' live session(s) for this user, each a row the server can delete.');
          } else {
            failed('session-status', r);
          }
        }

        async function sessionLogout() {
          setStatus('session-status', 'busy', 'Logging out...');
          const headers = mem.csrf ? { 'X-CSRF-Token': mem.csrf } : {};
          const r = await call('session', 'POST', '/session/logout', { headers });
          if (r.status === 204) {
            mem.csrf = null;
            $('session-list').replaceChildren();
            setStatus('session-status', 'ok', 'Logged out: the server deleted the session ' +
              'row, so the old sid is worthless now. Press Me to see the 401.');
          } else {
            failed('session-status', r);
          }
          showCookie();
        }

        // Token column ----------------------------------------------------------
        function b64urlText(segment) {
          try {
            let s = segment.replace(/-/g, '+').replace(/_/g, '/');
            while (s.length % 4) s += '=';
            const bytes = Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
            return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
          } catch (_) {
            return null;
          }
        }

        function segmentJSON(segment) {
          const text = b64urlText(segment);
          if (text === null) return null;
          try { return JSON.parse(text); } catch (_) { return null; }
        }

        // The compact token with its three parts coloured; `mark` highlights one character.
        function paintToken(el, token, mark) {
          el.replaceChildren();
          const classes = ['tok-h', 'tok-p', 'tok-s'];
          token.split('.').forEach((part, i) => {
            if (i > 0) el.append('.');
            const span = document.createElement('span');
            span.className = classes[Math.min(i, 2)];
            if (mark && mark.part === i) {
              const m = document.createElement('mark');
              m.textContent = part[mark.pos];
              span.append(part.slice(0, mark.pos), m, part.slice(mark.pos + 1));
            } else {
              span.textContent = part;
            }
            el.append(span);
          });
        }

        function tick() {
          const el = $('jwt-countdown');
          if (mem.exp === null) {
            el.dataset.seconds = '';
            el.textContent = mem.access ? 'no exp claim' : 'no token';
            return;
          }
          const left = mem.exp - Math.floor(Date.now() / 1000);
          el.dataset.seconds = String(left);
          if (left > 0) {
            const mm = Math.floor(left / 60);
            const ss = String(left % 60).padStart(2, '0');
            el.textContent = left + ' s (' + mm + ':' + ss + ')';
          } else {
            el.textContent = 'expired';
          }
        }

        function renderToken() {
          const token = mem.access;
          if (!token) {
            $('jwt-compact').textContent = '(no token)';
            for (const id of ['jwt-header-json', 'jwt-payload-json', 'jwt-signature-info']) {
              $(id).textContent = '';
            }
            $('jwt-times').textContent = '';
            mem.exp = null;
            tick();
            return;
          }
          paintToken($('jwt-compact'), token);
          const [h, p, s] = token.split('.');
          const header = segmentJSON(h || '');
          const payload = segmentJSON(p || '');
          $('jwt-header-json').textContent =
            header ? JSON.stringify(header, null, 2) : '(not base64url JSON)';
          $('jwt-payload-json').textContent =
            payload ? JSON.stringify(payload, null, 2) : '(not base64url JSON)';
          const bytes = Math.floor(((s || '').length * 3) / 4);
          const alg = header && typeof header.alg === 'string' ? header.alg : '?';
          $('jwt-signature-info').textContent = bytes + ' bytes of ' + alg + ' over "' +
            'header.payload". ' + (alg.startsWith('HS')
              ? 'Only the server, which holds the secret, can check or make it.'
              : 'Anyone can check it with the public key from /.well-known/jwks.json; ' +
                'only the server can make it.');
          mem.exp = payload && typeof payload.exp === 'number' ? payload.exp : null;
          $('jwt-times').textContent = payload && typeof payload.iat === 'number'
            ? '(issued ' + when(payload.iat) + ', expires ' + when(payload.exp) + ')' : '';
          tick();
        }

        function keepTokens(json) {
          mem.access = json.access_token;
          mem.refresh = json.refresh_token || null;
          renderToken();
        }

        function bearer() {
          return mem.access ? { Authorization: 'Bearer ' + mem.access } : {};
        }

        async function jwtLogin() {
          setStatus('jwt-status', 'busy', 'Logging in...');
          const r = await call('jwt', 'POST', '/jwt/login', { json: credentials() });
          if (r.status === 200 && r.json && r.json.access_token) {
            keepTokens(r.json);
            const claims = segmentJSON(mem.access.split('.')[1] || '') || {};
            setStatus('jwt-status', 'ok', 'Holding an access token for ' + claims.name +
              ' (sub ' + claims.sub + ', valid ' + r.json.expires_in + ' s) and a refresh ' +
              'token (valid ' + r.json.refresh_expires_in + ' s), in memory only.');
            $('jwt-tamper-result').textContent = '';
          } else {
            failed('jwt-status', r);
          }
        }

        async function jwtMe() {
          setStatus('jwt-status', 'busy', 'Asking the server...');
          const r = await call('jwt', 'GET', '/jwt/me', { headers: bearer() });
          if (r.status === 200 && r.json && r.json.user) {
            setStatus('jwt-status', 'ok', 'Signature and claims check out: you are ' +
              r.json.user.username + ' (id ' + r.json.user.id + '). See db in the timing: ' +
              'no session lookup was needed.');
          } else {
            failed('jwt-status', r);
          }
        }

        async function jwtRefresh() {
          if (!mem.refresh) {
            setStatus('jwt-status', 'error', 'No refresh token held: log in first.');
            return;
          }
          setStatus('jwt-status', 'busy', 'Refreshing...');
          const r = await call('jwt', 'POST', '/jwt/refresh',
            { json: { refresh_token: mem.refresh } });
          if (r.status === 200 && r.json && r.json.access_token) {
            keepTokens(r.json);
            setStatus('jwt-status', 'ok', 'New pair received. The old refresh token is ' +
              'spent: presenting it again would revoke the whole family.');
          } else {
            mem.refresh = null;
            failed('jwt-status', r);
          }
        }

        async function jwtLogout() {
          if (!mem.refresh) {
            setStatus('jwt-status', 'error', 'No refresh token held: log in first.');
            return;
          }
          setStatus('jwt-status', 'busy', 'Logging out...');
          const r = await call('jwt', 'POST', '/jwt/logout',
            { headers: bearer(), json: { refresh_token: mem.refresh } });
          if (r.status === 204) {
            mem.refresh = null;
            setStatus('jwt-status', 'ok', 'Refresh token family revoked. The access token ' +
              'still in memory keeps passing /jwt/me until exp (unless the server runs ' +
              'with --jwt-denylist): a stateless token cannot be recalled. Press Me.');
          } else {
            failed('jwt-status', r);
          }
        }

        async function jwtTamper() {
          const result = $('jwt-tamper-result');
          const parts = (mem.access || '').split('.');
          if (parts.length !== 3 || parts[1].length < 4) {
            setStatus('jwt-tamper-result', 'error', 'Log in on this side first: ' +
              'there is no token to tamper with.');
            return;
          }
          const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
          const payload = parts[1];
          const pos = Math.floor(payload.length / 2);
          const before = payload[pos];
          const after = alphabet[alphabet.indexOf(before) ^ 1];
          const forged = payload.slice(0, pos) + after + payload.slice(pos + 1);
          const token = parts[0] + '.' + forged + '.' + parts[2];
          paintToken($('jwt-tampered'), token, { part: 1, pos });
          setStatus('jwt-tamper-result', 'busy', 'Sending the forged token...');
          const r = await call('jwt', 'GET', '/jwt/me',
            { headers: { Authorization: 'Bearer ' + token } });
          const challenge = r.headers.get('www-authenticate') || '';
          const error = challengeParam(challenge, 'error');
          const description = challengeParam(challenge, 'error_description');
          result.dataset.status = String(r.status);
          result.dataset.error = error;
          const change = ' Payload character ' + (pos + 1) + ' changed from "' + before +
            '" to "' + after + '".';
          if (r.status === 401) {
            setStatus('jwt-tamper-result', 'ok', 'Rejected: 401 Unauthorized, error="' +
              error + '", error_description="' + description + '".' + change);
          } else {
            setStatus('jwt-tamper-result', 'error', 'Unexpected answer ' + r.status +
              ' to a forged token!' + change);
          }
        }

        // Wiring ----------------------------------------------------------------
        function run(action) {
          return () => {
            action().catch((err) => {
              setStatus('register-status', 'error', 'Page error: ' + err.message);
            });
          };
        }
        $('register-form').addEventListener('submit', (event) => {
          event.preventDefault();
          run(register)();
        });
        const actions = {
          'session-login': sessionLogin, 'session-me': sessionMe,
          'session-sessions': sessionList, 'session-logout': sessionLogout,
          'jwt-login': jwtLogin, 'jwt-me': jwtMe, 'jwt-refresh': jwtRefresh,
          'jwt-logout': jwtLogout, 'jwt-tamper': jwtTamper,
        };
        for (const [id, action] of Object.entries(actions)) {
          $(id).addEventListener('click', run(action));
        }
        setInterval(tick, 1000);
        tick();
        })();
        </script>
        </body>
        </html>
        """#
}
