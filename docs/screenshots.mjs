// Captures the CODITECT login theme in headless Chromium (playwright-core driving the
// system chromium). Run it through docs/take-screenshots.sh, which installs playwright-core
// outside the repository and sets the variables below.
//
//   KEYCLOAK_URL          base URL of a running CODITECT Keycloak (default http://localhost:8080)
//   REALM                 realm to capture (default coditect)
//   ADMIN_USER/ADMIN_PASSWORD  master-realm admin, used to create and delete the demo users
//   CHROMIUM              Chromium binary (default /usr/bin/chromium)
//   PLAYWRIGHT_CORE_DIR   directory holding node_modules/playwright-core
//   OUT_DIR               where the PNGs go (default docs/screenshots next to this file)
//   KEEP_USERS=1          leave the demo users in the realm afterwards
//
//   SMTP_SINK=0           never start the throwaway SMTP sink (see step 3 below)
//
// Writes (1280x800 unless noted): login.png, login-dark.png (prefers-color-scheme: dark),
// otp-setup.png (+ otp-setup-full.png, whole page), otp.png, register.png (+ register-full.png),
// verify-email.png, and when the SMTP sink was used: email-error.png (what appears without an
// SMTP server) and verify-email-message.png (the verification mail's HTML part).
import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const base = (process.env.KEYCLOAK_URL || 'http://localhost:8080').replace(/\/$/, '');
const realm = process.env.REALM || 'coditect';
const adminUser = process.env.ADMIN_USER || 'admin';
const adminPassword = process.env.ADMIN_PASSWORD || 'admin';
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const outDir = process.env.OUT_DIR || join(here, 'screenshots');
const pwDir = process.env.PLAYWRIGHT_CORE_DIR || '/tmp/coditect-screenshots';
const keepUsers = process.env.KEEP_USERS === '1';

const require = createRequire(join(pwDir, 'node_modules', 'noop.js'));
const { chromium } = require('playwright-core');

const viewport = { width: 1280, height: 800 };
const password = 'Passw0rd!';
const otpUser = 'shot-user';
const stamp = Date.now().toString(36);
const regUsers = [`shot-reg-${stamp}-a`, `shot-reg-${stamp}-b`];
let sink = null;

mkdirSync(outDir, { recursive: true });

// ---------- admin REST API ----------
async function adminToken() {
  const res = await fetch(`${base}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ client_id: 'admin-cli', username: adminUser, password: adminPassword, grant_type: 'password' }),
  });
  if (!res.ok) throw new Error(`admin token: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()).access_token;
}

async function admin(method, path, body) {
  const res = await fetch(`${base}/admin/realms/${realm}${path}`, {
    method,
    headers: { Authorization: `Bearer ${await adminToken()}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok && res.status !== 404) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

async function deleteUser(username) {
  const users = await admin('GET', `/users?exact=true&username=${encodeURIComponent(username)}`);
  for (const u of users || []) await admin('DELETE', `/users/${u.id}`);
}

// ---------- TOTP (RFC 6238; Keycloak keys the HMAC with the secret string's UTF-8 bytes) ----------
function totp(secret, digits = 6, period = 30, algorithm = 'sha1') {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 1000 / period)));
  const h = createHmac(algorithm, Buffer.from(secret, 'utf8')).update(counter).digest();
  const off = h[h.length - 1] & 0x0f;
  const bin = (h.readUInt32BE(off) & 0x7fffffff) % 10 ** digits;
  return String(bin).padStart(digits, '0');
}

// Waits until the current 30 s window has at least `margin` seconds left, so a code is not
// rejected because the window rolled over between computing and submitting it.
async function freshWindow(period = 30, margin = 5) {
  const left = period - (Math.floor(Date.now() / 1000) % period);
  if (left < margin) await new Promise((r) => setTimeout(r, (left + 1) * 1000));
}

// ---------- browser ----------
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function newPage(colorScheme = 'light') {
  const context = await browser.newContext({ viewport, colorScheme, locale: 'en-US' });
  return { context, page: await context.newPage() };
}

async function shot(page, name, what, { full = false } = {}) {
  await page.waitForLoadState('networkidle').catch(() => {});
  // Fonts and the SVG logo are loaded by CSS; make sure they are in before capturing.
  await page.evaluate(() => document.fonts && document.fonts.ready).catch(() => {});
  const file = join(outDir, name);
  await page.screenshot({ path: file });
  if (full) {
    // Playwright's fullPage capture paints the fixed-attachment background only over the first
    // viewport; growing the viewport to the page's height renders what a tall window shows.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) });
    await page.screenshot({ path: file.replace(/\.png$/, '-full.png') });
    await page.setViewportSize(viewport);
  }
  console.log(`${name.padEnd(24)} ${what}  [title: ${await page.title()}] ${page.url().split('?')[0]}`);
}

const accountUrl = `${base}/realms/${realm}/account/`;

async function signIn(page, username) {
  await page.goto(accountUrl);
  await page.waitForSelector('#username');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await Promise.all([page.waitForLoadState('load'), page.click('#kc-login')]);
}

// Fills the registration form for `username` and submits it; leaves the page open in
// lastPage/lastContext and returns the text of the page that follows.
let lastPage, lastContext;
async function register(username, { formShot }) {
  const { context, page } = await newPage();
  lastPage = page; lastContext = context;
  await page.goto(accountUrl);
  await page.waitForSelector('#kc-login');
  await Promise.all([page.waitForLoadState('load'), page.click('a[href*="/login-actions/registration"]')]);
  await page.waitForSelector('#kc-register-form');
  if (formShot) await shot(page, 'register.png', 'registration form', { full: true });
  await page.fill('#username', username);
  await page.fill('#email', `${username}@example.test`);
  await page.fill('#firstName', 'Screen');
  await page.fill('#lastName', 'Shot');
  // The coditect realm's registration form has no password fields; fill them if present.
  if (await page.locator('#password').count()) {
    await page.fill('#password', password);
    await page.fill('#password-confirm', password);
  }
  await Promise.all([page.waitForLoadState('load'), page.click('#kc-register-form [type="submit"]')]);
  await page.waitForLoadState('networkidle').catch(() => {});
  return (await page.textContent('body')).replace(/\s+/g, ' ').trim();
}

// ---------- throwaway SMTP sink (loopback only, keeps messages in memory) ----------
function listening(port) {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port }, () => { s.destroy(); resolve(true); });
    s.on('error', () => resolve(false));
  });
}

async function startSmtpSink(port) {
  const messages = [];
  const servers = [];
  const handler = (sock) => {
    let buf = '', data = null;
    sock.write('220 screenshots SMTP sink\r\n');
    sock.on('data', (chunk) => {
      buf += chunk.toString('latin1');
      for (;;) {
        if (data !== null) {
          const end = buf.indexOf('\r\n.\r\n');
          if (end < 0) return;
          data += buf.slice(0, end + 2); buf = buf.slice(end + 5);
          messages.push(data.replace(/^\.\./gm, '.')); data = null;
          sock.write('250 OK\r\n');
          continue;
        }
        const nl = buf.indexOf('\r\n');
        if (nl < 0) return;
        const line = buf.slice(0, nl); buf = buf.slice(nl + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') sock.write('250-screenshots\r\n250 8BITMIME\r\n');
        else if (verb === 'DATA') { data = ''; sock.write('354 End data with <CR><LF>.<CR><LF>\r\n'); }
        else if (verb === 'QUIT') { sock.end('221 Bye\r\n'); return; }
        else sock.write('250 OK\r\n');
      }
    });
    sock.on('error', () => {});
  };
  for (const host of ['127.0.0.1', '::1']) {
    const srv = net.createServer(handler);
    try {
      await new Promise((resolve, reject) => { srv.once('error', reject); srv.listen(port, host, resolve); });
      servers.push(srv);
    } catch (e) {
      if (host === '127.0.0.1') throw new Error(`cannot start the SMTP sink on 127.0.0.1:${port}: ${e.message} (run as root for port 25, or SMTP_SINK=0)`);
    }
  }
  console.log(`  SMTP sink listening on localhost:${port} for the verification mail`);
  return { messages, close: () => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))) };
}

// Extracts and decodes the text/html part of a MIME message (quoted-printable, base64 or plain).
function htmlPart(raw) {
  const m = /(?:^|\r\n)Content-Type: text\/html[^]*?\r\n\r\n/i.exec(raw);
  if (!m) return null;
  const headers = m[0];
  let bodyText = raw.slice(m.index + m[0].length);
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw);
  if (boundary) bodyText = bodyText.split('--' + boundary[1])[0];
  const cte = (/Content-Transfer-Encoding:\s*(\S+)/i.exec(headers) || [])[1] || '';
  let bytes;
  if (/base64/i.test(cte)) bytes = Buffer.from(bodyText.replace(/\s+/g, ''), 'base64');
  else if (/quoted-printable/i.test(cte)) {
    const s = bodyText.replace(/=\r?\n/g, '');
    const out = [];
    for (let i = 0; i < s.length; i++) {
      if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) { out.push(parseInt(s.slice(i + 1, i + 3), 16)); i += 2; }
      else out.push(s.charCodeAt(i) & 0xff);
    }
    bytes = Buffer.from(out);
  } else bytes = Buffer.from(bodyText, 'latin1');
  return bytes.toString('utf8');
}

let failed = false;
try {
  // 1. Sign-in page (the account console redirects to it), light and dark.
  {
    const { context, page } = await newPage('light');
    await page.goto(accountUrl);
    await page.waitForSelector('#kc-login');
    await shot(page, 'login.png', 'sign-in page');
    await context.close();
  }
  {
    const { context, page } = await newPage('dark');
    await page.goto(accountUrl);
    await page.waitForSelector('#kc-login');
    await shot(page, 'login-dark.png', 'sign-in page, prefers-color-scheme: dark');
    await context.close();
  }

  // 2. OTP: a user who must configure TOTP -> setup page; enrol; sign in again -> OTP page.
  await deleteUser(otpUser);
  await admin('POST', '/users', {
    username: otpUser, email: 'shot@example.test', firstName: 'Shot', lastName: 'User',
    enabled: true, emailVerified: true, requiredActions: ['CONFIGURE_TOTP'],
    credentials: [{ type: 'password', value: password, temporary: false }],
  });
  {
    const { context, page } = await newPage();
    await signIn(page, otpUser);
    await page.waitForSelector('input[name="totpSecret"]', { state: 'attached' });
    await shot(page, 'otp-setup.png', 'Mobile Authenticator Setup (CONFIGURE_TOTP)', { full: true });

    const secret = await page.getAttribute('input[name="totpSecret"]', 'value');
    const r = await admin('GET', '');
    const algorithm = (r.otpPolicyAlgorithm || 'HmacSHA1').replace(/^Hmac/i, '').toLowerCase();
    await freshWindow(r.otpPolicyPeriod || 30);
    await page.fill('#totp', totp(secret, r.otpPolicyDigits || 6, r.otpPolicyPeriod || 30, algorithm));
    await page.fill('#userLabel', 'screenshots').catch(() => {});
    await Promise.all([page.waitForLoadState('load'), page.click('#saveTOTPBtn, input[type="submit"], button[type="submit"]')]);
    await page.waitForURL((u) => u.pathname.startsWith(`/realms/${realm}/account`), { timeout: 15000 })
      .catch(async () => { throw new Error(`TOTP enrolment did not reach the account console (at ${page.url()}; "${await page.title()}")`); });
    await context.close(); // a fresh context has no SSO cookie: equivalent to logging out
  }
  {
    const { context, page } = await newPage();
    await signIn(page, otpUser);
    await page.waitForSelector('#otp');
    await shot(page, 'otp.png', 'one-time code page (OTP Form)');
    await context.close();
  }

  // 3. Registration -> email verification. Keycloak sends the verification mail before it
  // shows the page, so it needs an SMTP server. If the realm's SMTP server is on this machine
  // and nothing listens there, the themed error page that appears instead is captured as
  // email-error.png, then a throwaway SMTP sink is started and the registration repeated.
  const smtp = (await admin('GET', '')).smtpServer || {};
  const smtpPort = Number(smtp.port || 25);
  const smtpLocal = ['localhost', '127.0.0.1', '::1'].includes(smtp.host);
  const useSink = process.env.SMTP_SINK !== '0' && smtpLocal && !(await listening(smtpPort));
  if (useSink) {
    const body = await register(regUsers[0], { formShot: true });
    if (/failed to send email/i.test(body)) {
      await shot(lastPage, 'email-error.png', 'error page: verification mail could not be sent (no SMTP server)');
    }
    await lastContext.close();
    sink = await startSmtpSink(smtpPort).catch((e) => { console.warn(`  ${e.message}; capturing without it`); return null; });
  }
  const body = await register(regUsers[1], { formShot: !useSink });
  await shot(lastPage, 'verify-email.png', 'page shown after registering (email verification expected)');
  console.log(`  page text: ${body.slice(0, 200)}`);
  await lastContext.close();

  // The verification mail itself (coditect email theme), if the sink caught it.
  const mail = sink && sink.messages.find((m) => m.includes(`${regUsers[1]}@example.test`));
  const html = mail && htmlPart(mail);
  if (html) {
    const { context, page } = await newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await shot(page, 'verify-email-message.png', 'the verification email (HTML part) as a browser renders it');
    await context.close();
  } else if (sink) {
    console.log('  no HTML verification mail was caught by the SMTP sink');
  }
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await browser.close();
  if (sink) await sink.close();
  if (!keepUsers) {
    for (const u of [otpUser, ...regUsers]) await deleteUser(u).catch((e) => console.error(`cleanup ${u}: ${e.message}`));
  }
}
process.exit(failed ? 1 : 0);
