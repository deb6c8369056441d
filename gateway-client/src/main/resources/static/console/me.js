// A person's points page: everything through /api/v1 with the person's own token (points.read, points.transfer,
// points.redeem), which acts only for them.
import { Session, settings, points } from '/console/auth.js';
import { byId, el, table, td, guard, alertIn, statusIn, fillPlatformChoices } from '/console/page.js';

const $ = byId;
let session;
let config;
let userId;
let loads = 0;
let quoteTimer;
let quoteSeq = 0;
let linked = new Set();

async function balances() {
  const [own, links] = await Promise.all([
    session.api('GET', `/users/${encodeURIComponent(userId)}/balances`),
    session.api('GET', '/links/balances').catch(() => ({ accounts: [] })),
  ]);
  const rows = (own.balances || []).map(b => [td(b.platformId), td(b.balance, 'num', { 'data-balance': b.platformId }),
    td('this account')]);
  linked = new Set();
  for (const account of links.accounts || links.balances || []) {
    if (account.linked) {
      linked.add(account.platformId);
      rows.push([td(account.platformId), td(account.balance, 'num', { 'data-linked-balance': account.platformId }),
        td('linked account')]);
    }
  }
  $('balances-view').replaceChildren(rows.length ? table('Points per platform', ['Platform', 'Balance', 'Account'],
    rows, 'balance-table') : el('p', {}, 'No points yet.'));
  $('total-value').textContent = (own.totalValue ?? '0') + ' ' + (own.currency || '');
  $('convert-linked-label').hidden = !linked.has($('convert-to').value);
  return own.balances || [];
}

async function history() {
  const answer = await session.api('GET', `/users/${encodeURIComponent(userId)}/history?limit=15`);
  const receipts = answer.receipts || [];
  $('history-view').replaceChildren(receipts.length ? table('Newest first', ['When', 'What', 'Change'],
    receipts.map(r => [r.timestamp || '', r.type || '', (r.postings || []).filter(p => p.userId === userId)
      .map(p => `${p.delta > 0 ? '+' : ''}${p.delta} ${p.platformId}`).join(', ')]), 'history-table')
    : el('p', {}, 'Nothing yet.'));
}

async function rewards(held) {
  const lists = await Promise.all(held.filter(b => b.balance > 0).map(b =>
    session.api('GET', '/rewards?platformId=' + b.platformId).then(c => ({ balance: b.balance, list: Array.isArray(c) ? c : c.rewards || [] }))));
  const affordable = [];
  for (const { balance, list } of lists) {
    for (const r of list) {
      if (r.points <= balance && r.stock > 0) {
        affordable.push([r.platformId, r.name, td(r.points, 'num')]);
      }
    }
  }
  $('rewards-view').replaceChildren(affordable.length ? table('Within your balances', ['Platform', 'Reward', 'Points'],
    affordable, 'rewards-table') : el('p', {}, 'No reward within your balances yet.'));
}

async function consents() {
  const answer = await session.api('GET', '/consents');
  const active = (answer.consents || []).filter(c => c.active);
  $('consents-view').replaceChildren(active.length ? table('Given and not withdrawn', ['Purpose', 'Platform', 'Since', ''],
    active.map(c => {
      const button = el('button', { type: 'button', class: 'secondary', 'data-consent': c.consentId },
        'Withdraw');
      button.addEventListener('click', () => withdraw(c));
      return [c.purpose, c.platformId || 'any', c.grantedAt, el('td', {}, button)];
    }), 'consents-table') : el('p', {}, 'No consents.'));
}

async function withdraw(consent) {
  alertIn($('consents-alert'), '');
  try {
    await session.api('DELETE', '/consents/' + encodeURIComponent(consent.consentId));
    statusIn($('consents-status'), 'Consent ' + consent.purpose + ' withdrawn: sharing stopped.');
    await load();
  } catch (e) {
    alertIn($('consents-alert'), e.message);
  }
}

async function load() {
  await fillPlatformChoices(session, config.platformId, [$('convert-to')]);
  const held = await balances();
  // One section's failed read shows in that section; the others still show what they read.
  await Promise.all([guard('history-view', history), guard('rewards-view', () => rewards(held)),
    guard('consents-view', consents)]);
  document.body.dataset.loads = String(++loads);
}

/** The live quote for the form's amount; fills the slippage guard with the quoted amount. */
async function quote() {
  const out = $('convert-quote');
  const text = $('convert-amount').value.trim();
  let amount;
  try {
    amount = points('Amount', text, config.maxAmount);
  } catch (e) {
    quoteSeq++;
    out.replaceChildren();
    delete out.dataset.amount;
    return null;
  }
  const seq = ++quoteSeq;
  try {
    const q = await session.api('GET', `/quotes?from=${config.platformId}&to=${$('convert-to').value}&amount=${amount}`);
    if (seq !== quoteSeq) {
      return null; // a newer amount was typed meanwhile: its quote is the one to show
    }
    out.replaceChildren(el('p', { id: 'quote-line' }, `${q.amountIn} ${config.platformId} → `,
      el('strong', { id: 'quote-out' }, q.amountOut), ` ${q.toPlatformId || $('convert-to').value} (fee `,
      el('span', { id: 'quote-fee' }, q.fee), `, rate ${q.rate}, good until ${q.expiresAt || 'now'})`));
    $('convert-min').value = q.amountOut;
    out.dataset.quoteId = q.quoteId || '';
    out.dataset.amount = String(amount);
    return q;
  } catch (e) {
    if (seq !== quoteSeq) {
      return null;
    }
    out.replaceChildren(el('p', { class: 'bad' }, 'No quote: ' + e.message));
    return null;
  }
}

function wire() {
  $('convert-amount').addEventListener('input', () => {
    clearTimeout(quoteTimer);
    quoteTimer = setTimeout(quote, 300);
  });
  $('convert-to').addEventListener('change', () => {
    $('convert-linked-label').hidden = !linked.has($('convert-to').value);
    quote();
  });
  $('convert-form').addEventListener('submit', async event => {
    event.preventDefault();
    alertIn($('convert-alert'), '');
    statusIn($('convert-status'), '');
    try {
      const amount = points('Amount', $('convert-amount').value, config.maxAmount);
      const minText = $('convert-min').value.trim();
      const body = { userId, fromPlatformId: config.platformId, toPlatformId: $('convert-to').value, amount };
      if (minText) {
        body.minAmountOut = points('Receive at least', minText, config.maxAmount, 0n);
      }
      if ($('convert-linked').checked && !$('convert-linked-label').hidden) {
        body.toLinkedAccount = true;
      }
      const receipt = await session.api('POST', '/conversions', body);
      const credited = (receipt.postings || []).find(p => p.delta > 0 && p.platformId === body.toPlatformId);
      statusIn($('convert-status'), `Converted ${amount} ${config.platformId} into ${credited ? credited.delta : '?'} `
        + `${body.toPlatformId} (block ${receipt.blockNumber}).`);
      $('convert-amount').value = '';
      $('convert-min').value = '';
      $('convert-quote').replaceChildren();
      await load();
    } catch (e) {
      alertIn($('convert-alert'), e.message);
    }
  });
}

async function start() {
  try {
    config = await settings();
    $('platform').textContent = '· ' + config.platformId;
    session = new Session(config.personClientId, '/console/me', 'points.read points.transfer points.redeem');
    $('signin').addEventListener('click', () => session.signIn());
    $('signout').addEventListener('click', () => {
      session.signOut();
      location.assign('/console/me');
    });
    if (!(await session.complete())) {
      $('signin-box').hidden = false;
      return;
    }
    userId = session.claims().user_id;
    $('who').textContent = 'Signed in: ' + userId.substring(0, userId.indexOf('.') + 5) + '…';
    $('signout').hidden = false;
    wire();
    for (const id of ['balances', 'convert', 'rewards', 'consents', 'history']) {
      $(id).hidden = false;
    }
    await load();
  } catch (e) {
    alertIn($('alert'), e.message);
    if (session && !session.token) {
      $('signin-box').hidden = false;
    }
  }
}

start();
