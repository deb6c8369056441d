// Sign-in (OAuth 2.0 authorization code + PKCE S256 against this gateway's own authorization server), API calls with
// the signed-in token, and small DOM helpers shared by the console's pages. No third-party code.

const te = new TextEncoder();

/** What the gateway tells the console before sign-in: platform, client ids, the largest amount. */
export async function settings() {
  const response = await fetch('/console/settings.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error('The console settings could not be read (' + response.status + ').');
  }
  return response.json();
}

function base64url(bytes) {
  let text = '';
  for (const b of new Uint8Array(bytes)) {
    text += String.fromCharCode(b);
  }
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** One page's session: its OAuth client, where the browser comes back, the token kept for this tab only. */
export class Session {
  constructor(clientId, path, scope) {
    this.clientId = clientId;
    this.redirectUri = location.origin + path;
    this.scope = scope;
    this.key = 'pointsnet.console.' + clientId;
  }

  get token() {
    return sessionStorage.getItem(this.key + '.token');
  }

  /** Sends the browser to the authorization endpoint (the gateway's login page when not signed in there yet). */
  async signIn() {
    const verifier = randomText();
    const state = randomText();
    sessionStorage.setItem(this.key + '.verifier', verifier);
    sessionStorage.setItem(this.key + '.state', state);
    const challenge = base64url(await crypto.subtle.digest('SHA-256', te.encode(verifier)));
    const query = new URLSearchParams({
      response_type: 'code', client_id: this.clientId, redirect_uri: this.redirectUri, scope: this.scope,
      state, code_challenge: challenge, code_challenge_method: 'S256',
    });
    location.assign('/oauth2/authorize?' + query);
  }

  /** On the way back from the authorization endpoint: exchanges the code for a token. True when signed in. */
  async complete() {
    const params = new URLSearchParams(location.search);
    if (params.has('error')) {
      history.replaceState(null, '', location.pathname);
      throw new Error('Sign-in refused: ' + (params.get('error_description') || params.get('error')));
    }
    if (!params.has('code')) {
      return this.token !== null;
    }
    const state = sessionStorage.getItem(this.key + '.state');
    const verifier = sessionStorage.getItem(this.key + '.verifier');
    sessionStorage.removeItem(this.key + '.state');
    sessionStorage.removeItem(this.key + '.verifier');
    history.replaceState(null, '', location.pathname);
    if (!state || params.get('state') !== state || !verifier) {
      throw new Error('Sign-in failed: the answer does not belong to this sign-in. Sign in again.');
    }
    const response = await fetch('/oauth2/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', code: params.get('code'), redirect_uri: this.redirectUri,
        client_id: this.clientId, code_verifier: verifier,
      }),
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok || !answer.access_token) {
      throw new Error('Sign-in refused: ' + (answer.error_description || answer.error || response.status));
    }
    sessionStorage.setItem(this.key + '.token', answer.access_token);
    return true;
  }

  signOut() {
    sessionStorage.removeItem(this.key + '.token');
  }

  /** The token's claims (read for display and for the user id; the gateway checks the token, not this page). */
  claims() {
    const token = this.token;
    if (!token) {
      return {};
    }
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), c => c.charCodeAt(0))));
  }

  /**
   * Calls /api/v1 with the token. Answers the parsed JSON; throws ApiError with the problem's detail otherwise. A
   * body may hold BigInt amounts: they are written as JSON integers (amounts go up to 10^18, beyond 2^53).
   */
  async api(method, path, body) {
    const headers = { Accept: 'application/json', Authorization: 'Bearer ' + this.token };
    const init = { method, headers };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body, (k, v) => (typeof v === 'bigint' ? '__int' + v + '__' : v))
        .replace(/"__int(\d+)__"/g, '$1');
    }
    if (method === 'POST' || method === 'PUT') {
      headers['Idempotency-Key'] = 'console-' + crypto.randomUUID();
    }
    const response = await fetch('/api/v1' + path, init);
    const text = await response.text();
    const json = text ? JSON.parse(text) : {};
    if (!response.ok) {
      if (response.status === 401) {
        this.signOut();
      }
      const code = json.code || 'HTTP_' + response.status;
      // The problem's detail is written for people; its stable code says which rule refused.
      throw new ApiError(response.status, code,
        (json.detail || json.title || 'The gateway answered ' + response.status + '.') + ' (' + code + ')');
    }
    return json;
  }
}

/** A refused API call: its HTTP status, the problem's stable code and its detail. */
export class ApiError extends Error {
  constructor(status, code, detail) {
    super(detail);
    this.status = status;
    this.code = code;
  }
}

/** Reads a whole number of points from a text field: a BigInt, or throws a message naming the field. */
export function points(label, text, max, min = 1n) {
  const value = (text || '').trim();
  if (!/^[0-9]{1,19}$/.test(value)) {
    throw new Error(label + ' must be a whole number of points from ' + min + ' to ' + max
      + ' (digits only, no sign, letters or decimals).');
  }
  const amount = BigInt(value);
  if (amount < min || amount > BigInt(max)) {
    throw new Error(label + ' must be from ' + min + ' to ' + max + '; ' + value + ' is out of range.');
  }
  return amount;
}

/** The current settlement period of a platform: its local day (YYYY-MM-DD) or month (YYYY-MM). */
export function currentPeriod(platform) {
  const zone = platform.timeZone || 'UTC';
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date());
  return platform.settlementPeriod === 'MONTH' ? day.substring(0, 7) : day;
}
