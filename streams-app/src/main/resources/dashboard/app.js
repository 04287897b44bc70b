// Parley dashboard: vanilla JS, no dependencies. Every value that comes from articles is put into the page as
// text (textContent / text nodes), never as HTML, so markup in an article cannot run.
'use strict';

const state = { asOf: new URLSearchParams(location.search).get('asOf') || '', statements: new Map(), titles: new Map(),
  origins: new Map() };

/** el('p', {class: 'x'}, 'text', child…): strings become text nodes. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svgEl(tag, attrs) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, String(value));
  return node;
}

function withAsOf(path) {
  if (!state.asOf) return path;
  return path + (path.includes('?') ? '&' : '?') + 'asOf=' + encodeURIComponent(state.asOf);
}

function day(iso) { return iso ? String(iso).slice(0, 10) : '—'; }

function articleLink(articleId, label) {
  return el('a', { href: '/api/articles/' + encodeURIComponent(articleId) }, label || articleId.slice(0, 12));
}

/** GET JSON; {status: 404} for views that do not exist yet; retries 503 (rebalancing) after Retry-After. */
async function getJson(path, attempts = 10) {
  for (let i = 0; ; i++) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    if (response.status === 503 && i < attempts) {
      const wait = Number(response.headers.get('Retry-After') || '1');
      await new Promise(r => setTimeout(r, wait * 1000));
      continue;
    }
    if (!response.ok) return { status: response.status, body: null };
    return { status: response.status, body: await response.json() };
  }
}

function show(containerId, ...children) {
  document.getElementById(containerId).replaceChildren(...children);
}

function noEngagementYet(containerId, what) {
  show(containerId, el('p', { class: 'muted no-data' },
    'No engagement data yet: ' + what + ' appear here once engagement extraction runs.'));
}

// --- dyads --------------------------------------------------------------------------------------------------

/** With an as-of date: the versioned dyad store's answer (events dated by then, statuses as of then). */
async function loadDyads() {
  const { status, body } = await getJson(withAsOf('/api/dyads'));
  const dyads = body && (body.dyads || body);
  if (status !== 200 || !Array.isArray(dyads) || dyads.length === 0) {
    show('dyads-body', el('p', { class: 'muted no-data' },
      state.asOf ? 'No dyad had an engagement event by ' + state.asOf + '.'
        : 'No dyad state yet: it appears once engagement extraction has found events.'));
    return [];
  }
  show('dyads-body', ...dyads.map(renderDyad));
  return dyads;
}

function renderDyad(d) {
  const last = d.lastContact || {};
  const counts = d.countsByKind || d.counts || {};
  return el('div', { class: 'dyad', 'data-dyad': d.dyad, 'data-events': d.eventCount },
    el('h3', {}, d.dyad || d.id || '', d.asOf ? el('span', { class: 'muted as-of' }, ' as of ' + d.asOf) : null),
    el('p', {}, 'Last contact: ', day(last.date || last.at), ' ',
      last.kind ? '(' + String(last.kind).toLowerCase().replace(/_/g, ' ') + ')' : ''),
    el('p', { class: 'muted' }, Object.entries(counts).map(([k, v]) => k.toLowerCase().replace(/_/g, ' ') + ': ' + v)
      .join(' · ')),
    el('p', {}, (d.openCommitments || []).length + ' open commitment(s), ' + (d.pastCommitments || []).length + ' past'),
    el('p', { class: 'muted' }, 'Pressure (−1) – cooperation (+1) by day:'),
    trend(d.pressureCooperation || d.index || []));
}

/** The pressure–cooperation index over time as an SVG line (values in [-1, 1], 0 in the middle). */
function trend(points) {
  const svg = svgEl('svg', { class: 'trend', viewBox: '0 0 300 100', preserveAspectRatio: 'none',
    role: 'img', 'aria-label': 'pressure–cooperation trend' });
  svg.append(svgEl('line', { x1: 0, y1: 50, x2: 300, y2: 50, stroke: '#ccd', 'stroke-dasharray': '4 3' }));
  if (!Array.isArray(points) || points.length === 0) return svg;
  const xs = points.map((p, i) => points.length === 1 ? 150 : (i * 300) / (points.length - 1));
  const ys = points.map(p => 50 - 45 * Math.max(-1, Math.min(1, Number(p.value ?? p.index ?? 0))));
  svg.append(svgEl('polyline', { points: xs.map((x, i) => x + ',' + ys[i]).join(' '), fill: 'none',
    stroke: '#2458c6', 'stroke-width': 2 }));
  xs.forEach((x, i) => {
    const dot = svgEl('circle', { cx: x, cy: ys[i], r: 3, fill: '#2458c6' });
    const title = svgEl('title', {});
    title.textContent = day(points[i].date) + ': ' + (points[i].value ?? points[i].index);
    dot.append(title);
    svg.append(dot);
  });
  return svg;
}

// --- events and commitments -----------------------------------------------------------------------------------

function sources(list) {
  if (!Array.isArray(list) || list.length === 0) return null;
  return el('div', { class: 'sources' }, 'sources: ', ...list.flatMap((s, i) =>
    [i ? ', ' : '', articleLink(s.articleId, originLabel({ articleId: s.articleId,
      origin: s.origin || state.origins.get(s.articleId) }))]));
}

async function loadEvents() {
  const { status, body } = await getJson(withAsOf('/api/events'));
  const events = body && (body.events || body);
  if (status !== 200 || !Array.isArray(events) || events.length === 0) {
    noEngagementYet('events-body', 'engagement events');
    return;
  }
  events.forEach(e => (e.sources || []).forEach(s => s.origin && state.origins.set(s.articleId, s.origin)));
  show('events-body', ...byDyad(events).map(([dyad, list]) => el('div', { class: 'dyad-timeline', 'data-dyad': dyad },
    el('h3', {}, dyad || 'no dyad', el('span', { class: 'muted' }, ' · ' + list.length + ' event(s)')),
    el('table', {}, el('tr', {}, el('th', {}, 'date'), el('th', {}, 'kind'), el('th', {}, 'what')),
      ...list.map(eventRow)))));
}

/** Each dyad's events in date order (an event of several dyads is under each); events with no dyad last. */
function byDyad(events) {
  const groups = new Map();
  for (const e of events) {
    for (const dyad of (e.dyads && e.dyads.length ? e.dyads : [''])) {
      if (!groups.has(dyad)) groups.set(dyad, []);
      groups.get(dyad).push(e);
    }
  }
  return [...groups.entries()].sort(([a], [b]) => (a === '') - (b === '') || a.localeCompare(b));
}

/** The event's summary and the sentence it was read from, as text; records from before summaries: the names. */
function eventRow(e) {
  const summary = e.summary || (e.participants || []).map(p => p.name || p).join(' – ');
  return el('tr', { 'data-id': e.id }, el('td', {}, day(e.date)),
    el('td', {}, String(e.kind || '').toLowerCase().replace(/_/g, ' ')),
    el('td', {}, el('p', { class: 'summary' }, summary),
      e.evidence ? el('blockquote', { class: 'evidence' }, e.evidence) : null,
      el('div', { class: 'muted' }, (e.topics || []).join(', ')), sources(e.sources)));
}

/**
 * Now: GET /api/commitments. As of a date: the commitments of the versioned dyad states, whose statuses are those of
 * that date (a meeting held later is still scheduled then), not today's statuses.
 */
async function loadCommitments() {
  let status, commitments;
  if (state.asOf) {
    const answer = await getJson(withAsOf('/api/dyads'));
    status = answer.status;
    const seen = new Map();
    for (const d of (answer.body && answer.body.dyads) || []) {
      for (const c of [...(d.openCommitments || []), ...(d.pastCommitments || [])]) seen.set(c.id, c);
    }
    commitments = [...seen.values()].sort((a, b) => (String(a.dueDate) + a.id).localeCompare(String(b.dueDate) + b.id));
  } else {
    const answer = await getJson('/api/commitments');
    status = answer.status;
    commitments = answer.body && (answer.body.commitments || answer.body);
  }
  if (status === 200 && state.asOf && commitments.length === 0) {
    show('commitments-body', el('p', { class: 'muted no-data' }, 'No commitment had been agreed by ' + state.asOf + '.'));
    return;
  }
  if (status !== 200 || !Array.isArray(commitments) || commitments.length === 0) {
    noEngagementYet('commitments-body', 'commitments');
    return;
  }
  show('commitments-body', el('table', {},
    el('tr', {}, el('th', {}, 'due'), el('th', {}, 'commitment'), el('th', {}, 'status')),
    ...commitments.map(c => el('tr', { 'data-id': c.id }, el('td', {}, due(c)),
      el('td', {}, c.title || c.description || '', c.place ? ' (' + c.place + ')' : '', sources(distinctSources(c.sources))),
      el('td', { class: 'status-' + String(c.status || '').toLowerCase(), title: state.asOf ? 'as of ' + state.asOf
        + (c.reportedStatus ? ' (now: ' + String(c.reportedStatus).toLowerCase() + ')' : '') : '' },
        String(c.status || '').toLowerCase())))));
}

// --- actors ---------------------------------------------------------------------------------------------------

async function loadActors() {
  const { status, body } = await getJson('/api/actors');
  const actors = (body && body.actors) || [];
  if (status !== 200 || actors.length === 0) {
    noEngagementYet('actors-body', 'actors');
    return;
  }
  show('actors-body', el('table', {},
    el('tr', {}, el('th', {}, 'actor'), el('th', {}, 'country'), el('th', {}, 'office'), el('th', {}, 'events'),
      el('th', {}, 'last seen')),
    ...actors.map(a => el('tr', { 'data-id': a.actorId },
      el('td', {}, el('a', { href: '/api/actors/' + encodeURIComponent(a.actorId) }, a.name || a.actorId)),
      el('td', {}, a.country || ''), el('td', {}, (a.offices || []).join(', ').replace(/-/g, ' ')),
      el('td', {}, a.eventCount), el('td', {}, day(a.lastSeen))))));
}

/** A due date at month precision shows as the month. */
function due(c) {
  const date = c.due || c.dueDate || '';
  return c.duePrecision === 'MONTH' ? date.slice(0, 7) : date;
}

/** Sources as one link per article (a commitment lists each passage). */
function distinctSources(list) {
  const seen = new Set();
  return (list || []).filter(s => !seen.has(s.articleId) && seen.add(s.articleId));
}

// --- statements -----------------------------------------------------------------------------------------------

async function loadStatements() {
  const { status, body } = await getJson(withAsOf('/api/statements'));
  if (status !== 200 || !body) {
    show('statements-body', el('p', { class: 'muted' }, 'Statements are not available right now (HTTP ' + status + ').'));
    return;
  }
  state.statements = new Map(body.statements.map(s => [s.id, s]));
  renderStatements();
}

function visible(statement) {
  return !state.asOf || day(statement.firstSeen) <= state.asOf;
}

function renderStatements(flashId) {
  const list = [...state.statements.values()].filter(visible)
    .sort((a, b) => (a.firstSeen + a.id).localeCompare(b.firstSeen + b.id));
  document.getElementById('statements-count').textContent = '(' + list.length + ')';
  if (list.length === 0) {
    show('statements-body', el('p', { class: 'muted' }, 'No statements yet.'));
    return;
  }
  show('statements-body', ...list.map(s => renderStatement(s, s.id === flashId)));
}

function renderStatement(s, flash) {
  const text = s.text.length > 420 ? s.text.slice(0, 420) + '…' : s.text;
  return el('article', { class: 'statement' + (flash ? ' flash' : ''), 'data-id': s.id, 'data-reprints': s.reprintCount },
    el('div', { class: 'meta' }, el('span', { class: 'badge', title: 'reprints' }, s.reprintCount),
      'reprints · first seen ', day(s.firstSeen), s.outlets && s.outlets.length ? ' · ' + s.outlets.join(', ') : ''),
    el('blockquote', {}, text),
    el('ul', { class: 'reprints' }, ...byArticle(s.reprints).map(renderReprint)));
}

/** A statement can sit in several passages of one article: one line per article, with its passage count. */
function byArticle(reprints) {
  const articles = new Map();
  for (const r of reprints) {
    const seen = articles.get(r.articleId);
    if (seen) seen.passages += 1; else articles.set(r.articleId, { ...r, passages: 1 });
  }
  return [...articles.values()];
}

/** The file name as ingested; for HTTP or feed input, whose origin names no file, the article id. */
function originLabel(r) {
  const origin = r.origin || '';
  if (!origin || origin.startsWith('http:POST')) return r.articleId.slice(0, 12);
  return origin.split('/').pop() || origin;
}

function renderReprint(r) {
  const title = el('span', { class: 'title' }, state.titles.get(r.articleId) || '');
  if (!state.titles.has(r.articleId)) fillTitle(r.articleId);
  return el('li', { 'data-article': r.articleId }, articleLink(r.articleId, originLabel(r)),
    r.canonical ? ' (canonical)' : '', r.passages > 1 ? ' · ' + r.passages + ' passages' : '', ' ', title,
    r.outlet ? el('span', { class: 'origin' }, ' · ' + r.outlet) : null);
}

/** Article titles are fetched once each and written as text into every place showing that article. */
async function fillTitle(articleId) {
  state.titles.set(articleId, '');
  const { status, body } = await getJson('/api/articles/' + encodeURIComponent(articleId));
  if (status !== 200 || !body) { state.titles.delete(articleId); return; }
  state.titles.set(articleId, body.title || '');
  for (const li of document.querySelectorAll('li[data-article]')) {
    if (li.getAttribute('data-article') === articleId) li.querySelector('.title').textContent = body.title || '';
  }
}

/** The actors view follows the events through a repartition: re-read it a moment after they change, once. */
let actorsTimer = null;
function actorsSoon() {
  clearTimeout(actorsTimer);
  actorsTimer = setTimeout(loadActors, 1000);
}

// --- live feed --------------------------------------------------------------------------------------------------

function logFeed(type, text) {
  const list = document.getElementById('feed-body');
  list.prepend(el('li', {}, new Date().toLocaleTimeString(), ' ', el('strong', {}, type), ' ', text));
  while (list.children.length > 100) list.lastChild.remove();
}

function connectFeed() {
  const live = document.getElementById('live');
  const source = new EventSource('/api/feed');
  source.onopen = () => {
    live.textContent = 'live';
    live.className = 'live on';
    loadStatements(); // catch up on anything missed while disconnected
  };
  source.onerror = () => {
    live.textContent = 'live: reconnecting…';
    live.className = 'live off';
  };
  source.addEventListener('statement', message => {
    const change = JSON.parse(message.data);
    if (change.op === 'delete') {
      state.statements.delete(change.key);
      logFeed('statement', 'removed ' + change.key.slice(0, 12));
    } else {
      state.statements.set(change.data.id, change.data);
      logFeed('statement', (change.data.reprintCount + ' reprints, first seen ' + day(change.data.firstSeen)));
    }
    renderStatements(change.key);
  });
  // Engagement views publish on the same feed: refresh their sections when they change. The dyad state has its
  // own topic (parley.engagement.dyad-state), so a dyad message refreshes it (and as-of commitments).
  source.addEventListener('event', () => { logFeed('event', 'updated'); loadEvents(); actorsSoon(); });
  source.addEventListener('commitment', message => {
    logFeed('commitment', JSON.parse(message.data).data?.status || 'updated');
    loadCommitments();
  });
  source.addEventListener('dyad', message => {
    logFeed('dyad', JSON.parse(message.data).key + ' updated');
    loadDyads();
    actorsSoon();
    if (state.asOf) loadCommitments();
  });
  // EventSource resends Last-Event-ID on reconnect and gets what it missed; when the server cannot replay (another
  // instance, a restart, too old) it says reset: reload every section.
  source.addEventListener('reset', () => { logFeed('reset', 'reloading the views'); loadAll(); });
}

// --- as-of picker -----------------------------------------------------------------------------------------------

function setAsOf(value) {
  state.asOf = value || '';
  const url = new URL(location.href);
  if (state.asOf) url.searchParams.set('asOf', state.asOf); else url.searchParams.delete('asOf');
  history.replaceState(null, '', url);
  document.getElementById('asof').value = state.asOf;
  loadAll();
}

function loadAll() {
  // Events first: their sources name the files that commitments' passages come from.
  return Promise.all([loadDyads(), loadEvents().then(loadCommitments), loadStatements(), loadActors()]);
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('asof').value = state.asOf;
  document.getElementById('asof').addEventListener('change', e => setAsOf(e.target.value));
  document.getElementById('asof-now').addEventListener('click', () => setAsOf(''));
  loadAll().finally(() => { document.body.setAttribute('data-loaded', 'true'); });
  connectFeed();
});
