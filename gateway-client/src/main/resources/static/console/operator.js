// The member dashboard: everything through /api/v1 with the operator's token (platform.admin and clearing scopes).
import { Session, settings, points, currentPeriod } from '/console/auth.js';
import { byId, el, table, td, guard, alertIn, statusIn, fillPlatformChoices } from '/console/page.js';
import { lineChart } from '/console/chart.js';

const $ = byId;
let session;
let config;
let loads = 0;

async function supply() {
  const report = await session.api('GET', '/reconciliation');
  const rows = report.platforms.map(line => [
    td(line.platformId),
    td(line.onChainSupply, 'num', { 'data-supply': line.platformId }),
    td(line.replayedSupply, 'num', { 'data-replayed': line.platformId }),
    td(line.difference, line.difference === 0 ? 'num ok' : 'num bad'),
  ]);
  $('supply-table').replaceChildren(table('At block ' + report.asOfBlock,
    ['Platform', 'On-chain supply', 'Sum of balances (events)', 'Difference'], rows, 'supply-grid'));
  const status = $('reconciliation-status');
  status.textContent = report.balanced ? 'balanced' : 'DIFFERENCE: see the table';
  status.className = report.balanced ? 'ok' : 'bad';
}

async function listener() {
  const response = await fetch('/health/ready', { headers: { Accept: 'application/json' } });
  const health = await response.json().catch(() => ({}));
  const check = (health.checks || {}).listener || {};
  $('listener-lag').textContent = (check.status || 'unknown') + (check.detail ? ': ' + check.detail : '');
  $('listener-lag').className = check.status === 'UP' ? 'ok' : 'bad';
}

function describe(value) {
  if (value === null || value === undefined) {
    return 'none';
  }
  return Object.entries(value).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => k + ' ' + (typeof v === 'object' ? JSON.stringify(v) : v)).join(', ');
}

async function rules() {
  const [ruleSet, catalog] = await Promise.all([
    session.api('GET', '/platforms/' + config.platformId + '/rules'),
    session.api('GET', '/rewards?platformId=' + config.platformId),
  ]);
  const fee = ruleSet.fee;
  const view = [
    el('h3', {}, 'Fee'),
    el('p', { id: 'rules-fee' }, fee ? `${fee.basisPoints} basis points, minimum ${fee.minFee}, maximum ${fee.maxFee}`
      + ` (version ${fee.version})` : 'no fee'),
    el('h3', {}, 'Limits'),
    el('p', { id: 'rules-limits' }, describe(ruleSet.limits)),
    el('h3', {}, 'Rates'),
    (ruleSet.rates || []).length ? table('This side\'s approvals', ['Pair', 'Approved', 'Agreed'],
      ruleSet.rates.map(r => [`${r.fromPlatformId} → ${r.toPlatformId}`, `${r.approvedRate} (v${r.approvedVersion})`,
        r.agreedRate ? `${r.agreedRate} (v${r.agreedVersion})` : 'not yet']), 'rules-rates')
      : el('p', {}, 'No pair rates: conversions use the platforms\' unit values.'),
    el('h3', {}, 'Rewards'),
  ];
  const rewards = Array.isArray(catalog) ? catalog : catalog.rewards || [];
  view.push(rewards.length ? table('Catalog', ['Reward', 'Name', 'Points', 'Stock'],
    rewards.map(r => [r.rewardId, r.name, td(r.points, 'num'), td(r.stock, 'num')]), 'rules-rewards')
    : el('p', {}, 'No rewards.'));
  $('rules-view').replaceChildren(...view);
  if (fee && !$('fee-bp').value) {
    $('fee-bp').value = fee.basisPoints;
    $('fee-min').value = fee.minFee;
    $('fee-max').value = fee.maxFee;
  }
}

async function conversions() {
  const stats = await session.api('GET', '/conversions/stats?bucket=minute');
  const labels = [...new Set(stats.points.map(p => p.bucket))].sort();
  const pairs = new Map();
  for (const p of stats.points) {
    const name = p.fromPlatformId + ' → ' + p.toPlatformId;
    if (!pairs.has(name)) {
      pairs.set(name, { name, values: {} });
    }
    pairs.get(name).values[p.bucket] = p.conversions;
  }
  $('chart').replaceChildren(lineChart('Conversions per minute and pair', labels, [...pairs.values()]));
  $('chart-table').replaceChildren(table('The same numbers', ['Minute (UTC)', 'Pair', 'Conversions', 'Points in',
    'Points out'], stats.points.slice(-12).map(p => [p.bucket, `${p.fromPlatformId} → ${p.toPlatformId}`,
    td(p.conversions, 'num'), td(p.amountIn, 'num'), td(p.amountOut, 'num')]), 'conversion-table'));
}

async function settlement(platforms) {
  const own = platforms.find(p => p.platformId === config.platformId) || {};
  const period = currentPeriod(own);
  $('period').textContent = period;
  const s = await session.api('GET', '/settlements/' + period);
  const parts = [el('p', {}, 'Closed by: ' + ((s.closedBy || []).join(', ') || 'nobody yet'))];
  parts.push((s.obligations || []).length ? table('Obligations', ['Debtor', 'Creditor', 'Points', 'Value'],
    s.obligations.map(o => [o.debtorPlatformId, o.creditorPlatformId, td(o.points, 'num'),
      td(o.value + ' ' + o.currency, 'num')]), 'obligations') : el('p', {}, 'No obligations in this period yet.'));
  parts.push((s.netPositions || []).length ? table('Net positions', ['Platform', 'Net'],
    s.netPositions.map(n => [n.platformId, td(n.net + ' ' + n.currency, 'num')]), 'net-positions')
    : el('p', {}, 'No net positions.'));
  if ((s.disputes || []).length) {
    parts.push(el('p', { class: 'bad' }, s.disputes.length + ' obligations are disputed (booked differently).'));
  }
  $('settlement-view').replaceChildren(...parts);
}

async function load() {
  const platforms = await fillPlatformChoices(session, config.platformId, [$('quote-from'), $('rate-to')]);
  // One section's failed read shows in that section; the others still show what they read.
  await Promise.all([guard('supply-table', supply), guard('listener-lag', listener), guard('rules-view', rules),
    guard('chart', conversions), guard('settlement-view', () => settlement(platforms))]);
  document.body.dataset.loads = String(++loads);
}

/** Runs a form's action: shows the error in its alert region, or the success in its status region. */
function onSubmit(name, action) {
  $(name + '-form').addEventListener('submit', async event => {
    event.preventDefault();
    const alert = $(name + '-alert');
    const status = $(name + '-status');
    alertIn(alert, '');
    if (status) {
      statusIn(status, '');
    }
    try {
      const message = await action();
      if (status) {
        statusIn(status, message);
      }
      await load();
    } catch (e) {
      alertIn(alert, e.message);
    }
  });
}

function wire() {
  const max = config.maxAmount;
  onSubmit('fee', async () => {
    const basisPoints = points('Fee in basis points', $('fee-bp').value, '10000', 0n);
    const minFee = points('Minimum fee', $('fee-min').value, max, 0n);
    const maxFee = points('Maximum fee', $('fee-max').value, max, 0n);
    if (minFee > maxFee) {
      throw new Error('The minimum fee must not exceed the maximum fee.');
    }
    const receipt = await session.api('PUT', `/platforms/${config.platformId}/rules/fee`,
      { basisPoints, minFee, maxFee });
    return 'Fee rule saved in block ' + receipt.blockNumber + '.';
  });
  onSubmit('limits', async () => {
    const body = {};
    if ($('limit-tx').value.trim()) {
      body.maxPerTransaction = points('Most points per conversion', $('limit-tx').value, max);
    }
    if ($('limit-day').value.trim()) {
      body.dailyPerUser = points('Most points per user and day', $('limit-day').value, max);
    }
    const receipt = await session.api('PUT', `/platforms/${config.platformId}/rules/limits`, body);
    return 'Limits saved in block ' + receipt.blockNumber + '.';
  });
  onSubmit('rate', async () => {
    const version = points('Rule version', $('rate-version').value, max);
    const rate = $('rate-value').value.trim();
    if (!/^[0-9]+(\.[0-9]+)?$/.test(rate) || Number(rate) <= 0) {
      throw new Error('Rate must be a positive decimal like 0.5.');
    }
    const receipt = await session.api('PUT', `/platforms/${config.platformId}/rules/rates/${$('rate-to').value}`,
      { version, rate });
    return 'Rate approved in block ' + receipt.blockNumber + '.';
  });
  onSubmit('reward', async () => {
    const rewardId = $('reward-id').value.trim();
    if (!/^[\x21-\x7e]{1,64}$/.test(rewardId)) {
      throw new Error('Reward id must be 1 to 64 visible characters without spaces.');
    }
    const name = $('reward-name').value.trim();
    if (!name) {
      throw new Error('Name is required.');
    }
    const body = { name, points: points('Price', $('reward-points').value, max),
      stock: points('Stock', $('reward-stock').value, max, 0n) };
    const receipt = await session.api('PUT', `/platforms/${config.platformId}/rewards/${encodeURIComponent(rewardId)}`,
      body);
    return 'Reward saved in block ' + receipt.blockNumber + '.';
  });
  $('quote-form').addEventListener('submit', async event => {
    event.preventDefault();
    alertIn($('quote-alert'), '');
    $('quote-result').replaceChildren();
    try {
      const amount = points('Amount', $('quote-amount').value, max);
      const q = await session.api('GET', `/quotes?from=${$('quote-from').value}&to=${config.platformId}&amount=${amount}`);
      $('quote-result').replaceChildren(table('Quote', ['In', 'Fee', 'Out', 'Rate'],
        [[td(q.amountIn, 'num', { id: 'quote-in' }), td(q.fee, 'num', { id: 'quote-fee' }),
          td(q.amountOut, 'num', { id: 'quote-out' }), td(q.rate, 'num')]]));
    } catch (e) {
      alertIn($('quote-alert'), e.message);
    }
  });
}

async function start() {
  const alert = $('alert');
  try {
    config = await settings();
    $('platform').textContent = '· ' + config.platformId;
    $('operator-login').textContent = config.operatorLogin;
    session = new Session(config.operatorClientId, '/console/operator', 'points.read platform.admin clearing');
    $('signin').addEventListener('click', () => session.signIn());
    $('signout').addEventListener('click', () => {
      session.signOut();
      location.assign('/console/operator');
    });
    if (!(await session.complete())) {
      $('signin-box').hidden = false;
      return;
    }
    wire();
    $('who').textContent = 'Signed in: operator of ' + session.claims().platform_id;
    $('signout').hidden = false;
    for (const id of ['supply', 'rules', 'conversions', 'settlement', 'fee', 'limits', 'rate', 'reward', 'quote']) {
      $(id).hidden = false;
    }
    await load();
  } catch (e) {
    alertIn(alert, e.message);
    if (session && !session.token) {
      $('signin-box').hidden = false;
    }
  }
}

start();
