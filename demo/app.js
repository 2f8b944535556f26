// Acme CRM (demo): a small single-page CRM the Touchbook extension is developed and tested against.
//
// Things the extension's tests rely on, on purpose:
// - Records change only through history.pushState + re-render (and popstate): no hashchange, no
//   full page load, no custom event. The extension has to notice the URL/DOM change itself.
// - The card's hooks (#record[data-record-type][data-record-id], .record-name, .record-fields dl,
//   .record-products, .record-activity .feed, .record-pager, .record-edit) are a stable contract.
// - "Next contact" is filled ~600 ms after the card renders, like a lazily loaded CRM field.
// - aside.related lists other clients' names and emails: a distractor an extractor must ignore.
// - Every string from data goes through textContent / DOM APIs, never innerHTML.

const NEXT_CONTACT_DELAY_MS = 600;
const STAGES = ['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost'];
const APP_TITLE = 'Acme CRM (demo)';

/** @type {Array<any>} Loaded from /clients.json; edits live only in memory. */
let clients = [];
let pendingTimers = [];

const content = /** @type {HTMLElement} */ (document.getElementById('content'));

// ---------------------------------------------------------------------------------------------
// DOM helper: h('a', { href: '/x', class: 'y' }, 'text', childNode). Strings become text nodes.

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'hidden' || key === 'value' || key === 'required') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

// ---------------------------------------------------------------------------------------------
// Formatting. Dates in the data are wall-clock values without a zone: format them as UTC so the
// output never depends on the machine's time zone.

const dateFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const longDateFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dateTimeFmt = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});
const moneyFmts = new Map();

function parseWallClock(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value ?? '');
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)));
}

function formatDate(value, fmt = dateFmt) {
  const date = parseWallClock(value);
  return date ? fmt.format(date) : String(value ?? '');
}

function formatMoney(amount, currency) {
  if (!moneyFmts.has(currency)) moneyFmts.set(currency, new Intl.NumberFormat('en-GB', { style: 'currency', currency }));
  return moneyFmts.get(currency).format(amount);
}

function initials(name) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0].toUpperCase())
    .join('');
}

function telHref(phone) {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

function stagePill(stage) {
  return h('span', { class: 'stage-pill', 'data-stage': stage }, stage);
}

// ---------------------------------------------------------------------------------------------
// Router. History API only: in-app links are intercepted and turned into pushState + render.

function route(pathname) {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/clients') return { name: 'list' };
  if (path === '/reports') return { name: 'reports' };
  const card = /^\/clients\/([^/]+)$/.exec(path);
  if (card) {
    const id = decodeURIComponent(card[1]);
    const client = clients.find((c) => c.id === id);
    if (client) return { name: 'card', client };
  }
  return { name: 'notFound' };
}

function navigate(url) {
  if (url.href !== location.href) history.pushState(null, '', url.href);
  render();
  window.scrollTo(0, 0);
}

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!link || link.hasAttribute('download')) return;
  if (link.target && link.target !== '_self') return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin) return; // tel:, mailto:, other sites
  if (/\.[a-z0-9]+$/i.test(url.pathname)) return; // a file (clients.json), not a page
  event.preventDefault();
  navigate(url);
});

window.addEventListener('popstate', () => render());

function render() {
  for (const timer of pendingTimers) clearTimeout(timer);
  pendingTimers = [];

  const current = route(location.pathname);
  const section = current.name === 'reports' ? 'reports' : current.name === 'notFound' ? '' : 'clients';
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.getAttribute('data-nav') === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }

  content.className = `content content--${current.name}`;
  switch (current.name) {
    case 'list':
      document.title = `Clients · ${APP_TITLE}`;
      content.replaceChildren(...renderList());
      break;
    case 'card':
      document.title = `${current.client.name} · ${APP_TITLE}`;
      content.replaceChildren(...renderCard(current.client));
      break;
    case 'reports':
      document.title = `Reports · ${APP_TITLE}`;
      content.replaceChildren(...renderReports());
      break;
    default:
      document.title = `Not found · ${APP_TITLE}`;
      content.replaceChildren(...renderNotFound());
  }
}

// ---------------------------------------------------------------------------------------------
// Client list

function renderList() {
  const stageFilter = new URLSearchParams(location.search).get('stage');
  const source = STAGES.includes(stageFilter) ? clients.filter((c) => c.stage === stageFilter) : clients;

  const tbody = h('tbody', {});
  const count = h('span', { class: 'muted' });
  const search = h('input', {
    type: 'search',
    id: 'client-search',
    class: 'search',
    placeholder: 'Search by name, company, email or tag…',
    'aria-label': 'Search clients',
    autocomplete: 'off',
  });

  const fill = () => {
    const q = search.value.trim().toLowerCase();
    const rows = source.filter((c) =>
      !q ? true : [c.name, c.company, c.stage, c.owner, ...c.emails, ...c.phones, ...c.tags].join(' ').toLowerCase().includes(q),
    );
    tbody.replaceChildren(
      ...rows.map((c) =>
        h(
          'tr',
          { 'data-client-id': c.id },
          h('td', {}, h('a', { href: `/clients/${encodeURIComponent(c.id)}`, class: 'client-link' }, c.name)),
          h('td', {}, c.company || h('span', { class: 'muted' }, '—')),
          h('td', {}, stagePill(c.stage)),
          h('td', { class: 'num' }, formatMoney(c.amount, c.currency)),
        ),
      ),
    );
    if (rows.length === 0) tbody.append(h('tr', {}, h('td', { colspan: 4, class: 'empty' }, 'No clients match your search.')));
    count.textContent = `${rows.length} of ${source.length}`;
  };
  search.addEventListener('input', fill);
  fill();

  return [
    h(
      'div',
      { class: 'page-header' },
      h('h1', {}, stageFilter && STAGES.includes(stageFilter) ? `Clients: ${stageFilter}` : 'Clients'),
      stageFilter ? h('a', { href: '/clients', class: 'chip' }, 'Clear filter ×') : null,
    ),
    h(
      'div',
      { class: 'panel' },
      h('div', { class: 'toolbar' }, search, count),
      h(
        'table',
        { class: 'data-table clients-table' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Company'), h('th', {}, 'Stage'), h('th', { class: 'num' }, 'Amount'))),
        tbody,
      ),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Client card

function renderCard(client) {
  const index = clients.indexOf(client);
  const prev = clients[index - 1];
  const next = clients[index + 1];

  const dl = h('dl', {});
  const field = (label, ...value) => {
    const dd = h('dd', {}, ...value);
    dl.append(h('dt', {}, label), dd);
    return dd;
  };

  if (client.company) field('Company', client.company);
  field('Job title', client.jobTitle);
  client.phones.forEach((phone, i) => field(i === 0 ? 'Phone' : 'Mobile', h('a', { href: telHref(phone) }, phone)));
  client.emails.forEach((email, i) => field(i === 0 ? 'Email' : 'Other email', h('a', { href: `mailto:${email}` }, email)));
  field('Deal stage', stagePill(client.stage));
  field('Amount', formatMoney(client.amount, client.currency));
  field('Birthday', formatDate(client.birthday, longDateFmt));
  if (client.tags.length) {
    field(
      'Tags',
      client.tags.flatMap((tag, i) => [i > 0 ? ' ' : null, h('span', { class: 'tag' }, tag)]),
    );
  }
  field('Owner', client.owner);
  if (client.nextContact) {
    const dd = field('Next contact', h('span', { class: 'loading' }, 'Loading…'));
    dd.setAttribute('aria-busy', 'true');
    pendingTimers.push(
      setTimeout(() => {
        dd.removeAttribute('aria-busy');
        dd.replaceChildren(h('time', { datetime: client.nextContact }, formatDate(client.nextContact, dateTimeFmt)));
      }, NEXT_CONTACT_DELAY_MS),
    );
  }

  const editForm = renderEditForm(client);
  const editButton = h('button', { type: 'button', class: 'button record-edit-toggle', 'aria-expanded': 'false' }, 'Edit');
  editButton.addEventListener('click', () => {
    const open = editForm.hidden;
    editForm.hidden = !open;
    editButton.setAttribute('aria-expanded', String(open));
    editButton.textContent = open ? 'Close' : 'Edit';
    if (open) editForm.querySelector('input')?.focus();
  });
  editForm.addEventListener('reset', (event) => {
    event.preventDefault();
    editForm.hidden = true;
    editButton.setAttribute('aria-expanded', 'false');
    editButton.textContent = 'Edit';
  });

  const products = [...client.products].sort((a, b) => b.purchasedAt.localeCompare(a.purchasedAt));
  const notes = [...client.notes].sort((a, b) => b.at.localeCompare(a.at));

  const main = h(
    'main',
    { id: 'record', class: 'record', 'data-record-type': 'contact', 'data-record-id': client.id },
    h(
      'header',
      { class: 'record-header', 'data-initials': initials(client.name) },
      h('h1', { class: 'record-name' }, client.name),
      h('p', { class: 'record-subtitle' }, client.company ? `${client.jobTitle} at ${client.company}` : client.jobTitle),
      h('div', { class: 'record-actions' }, editButton),
    ),
    editForm,
    h('section', { class: 'record-fields', 'aria-label': 'Details' }, dl),
    h(
      'section',
      { class: 'record-products', 'aria-label': 'Products' },
      h('h2', {}, 'Products'),
      products.length
        ? h(
            'table',
            { class: 'data-table' },
            h('thead', {}, h('tr', {}, h('th', {}, 'Product'), h('th', {}, 'Category'), h('th', {}, 'Purchased'), h('th', {}, 'Price'))),
            h(
              'tbody',
              {},
              products.map((p) =>
                h(
                  'tr',
                  {},
                  h('td', {}, p.name),
                  h('td', {}, p.category),
                  h('td', {}, h('time', { datetime: p.purchasedAt }, formatDate(p.purchasedAt))),
                  h('td', { class: 'num' }, formatMoney(p.price, client.currency)),
                ),
              ),
            ),
          )
        : h('p', { class: 'empty' }, 'No purchases yet.'),
    ),
    h(
      'section',
      { class: 'record-activity', 'aria-label': 'Activity' },
      h('h2', {}, 'Activity'),
      h(
        'ul',
        { class: 'feed' },
        notes.map((note) =>
          h(
            'li',
            { class: 'feed-item' },
            h(
              'div',
              { class: 'feed-meta' },
              h('span', { class: 'feed-author' }, note.author),
              ' · ',
              h('time', { datetime: note.at }, formatDate(note.at, dateTimeFmt)),
            ),
            h('p', { class: 'feed-text' }, note.text),
          ),
        ),
      ),
    ),
    h(
      'nav',
      { class: 'record-pager', 'aria-label': 'Pager' },
      prev ? h('a', { href: `/clients/${encodeURIComponent(prev.id)}`, rel: 'prev' }, 'Previous client') : h('span', { class: 'pager-disabled' }, 'Previous client'),
      ' ',
      next ? h('a', { href: `/clients/${encodeURIComponent(next.id)}`, rel: 'next' }, 'Next client') : h('span', { class: 'pager-disabled' }, 'Next client'),
    ),
  );

  const others = [1, 2, 3].map((offset) => clients[(index + offset) % clients.length]).filter((c) => c && c !== client);
  const related = h(
    'aside',
    { class: 'related', 'aria-label': 'Other clients' },
    h('h2', {}, 'Other clients'),
    h(
      'ul',
      {},
      others.map((c) =>
        h(
          'li',
          {},
          h('a', { href: `/clients/${encodeURIComponent(c.id)}`, class: 'related-name' }, c.name),
          c.emails[0] ? h('a', { href: `mailto:${c.emails[0]}`, class: 'related-email' }, c.emails[0]) : null,
        ),
      ),
    ),
  );

  return [h('a', { href: '/clients', class: 'back-link' }, '← All clients'), main, related];
}

function renderEditForm(client) {
  const input = (id, label, value, type = 'text') => [
    h('label', { for: id }, label),
    h('input', { id, name: id.replace(/^edit-/, ''), type, value: value ?? '', autocomplete: 'off' }),
  ];
  const form = h(
    'form',
    { class: 'record-edit', hidden: true, 'aria-label': 'Edit client' },
    h(
      'div',
      { class: 'form-grid' },
      input('edit-name', 'Name', client.name),
      input('edit-company', 'Company', client.company),
      input('edit-phone', 'Phone', client.phones[0], 'tel'),
      input('edit-email', 'Email', client.emails[0], 'email'),
    ),
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button button-primary' }, 'Save'),
      h('button', { type: 'reset', class: 'button' }, 'Cancel'),
    ),
  );
  form.querySelector('#edit-name').required = true;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const text = (key) => String(data.get(key) ?? '').trim();
    client.name = text('name') || client.name;
    client.company = text('company');
    const setFirst = (list, value) => (value ? [value, ...list.slice(1)] : list.slice(1));
    client.phones = setFirst(client.phones, text('phone'));
    client.emails = setFirst(client.emails, text('email'));
    render();
  });
  return form;
}

// ---------------------------------------------------------------------------------------------
// Reports (dummy) and Not found

function renderReports() {
  const byStage = STAGES.map((stage) => ({ stage, count: clients.filter((c) => c.stage === stage).length }));
  const max = Math.max(1, ...byStage.map((s) => s.count));
  const won = clients.filter((c) => c.stage === 'Won');
  const open = clients.filter((c) => c.stage !== 'Won' && c.stage !== 'Lost');
  return [
    h('div', { class: 'page-header' }, h('h1', {}, 'Reports')),
    h(
      'div',
      { class: 'stats' },
      h('div', { class: 'stat panel' }, h('p', { class: 'stat-label' }, 'Clients'), h('p', { class: 'stat-value' }, String(clients.length))),
      h('div', { class: 'stat panel' }, h('p', { class: 'stat-label' }, 'Open deals'), h('p', { class: 'stat-value' }, String(open.length))),
      h('div', { class: 'stat panel' }, h('p', { class: 'stat-label' }, 'Won deals'), h('p', { class: 'stat-value' }, String(won.length))),
    ),
    h(
      'div',
      { class: 'panel' },
      h('h2', {}, 'Clients by stage'),
      h(
        'ul',
        { class: 'bars' },
        byStage.map(({ stage, count }) =>
          h(
            'li',
            {},
            h('span', { class: 'bar-label' }, stage),
            h('span', { class: 'bar', 'data-stage': stage, style: `width: ${(count / max) * 100}%` }),
            h('span', { class: 'bar-count' }, String(count)),
          ),
        ),
      ),
      h('p', { class: 'muted' }, 'Demo data. Reports are not interactive in this demo.'),
    ),
  ];
}

function renderNotFound() {
  return [
    h(
      'div',
      { class: 'panel not-found' },
      h('h1', {}, 'Not found'),
      h('p', {}, 'There is no page at ', h('code', {}, location.pathname), '.'),
      h('p', {}, h('a', { href: '/clients' }, 'Back to clients')),
    ),
  ];
}

function renderSidebarStages() {
  const list = document.getElementById('sidebar-stages');
  if (!list) return;
  list.replaceChildren(
    ...STAGES.map((stage) =>
      h(
        'li',
        {},
        h(
          'a',
          { href: `/clients?stage=${encodeURIComponent(stage)}` },
          h('span', { class: 'dot', 'data-stage': stage, 'aria-hidden': 'true' }),
          stage,
          h('span', { class: 'count' }, String(clients.filter((c) => c.stage === stage).length)),
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------------------------------------

async function start() {
  try {
    const response = await fetch('/clients.json', { cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    clients = await response.json();
  } catch (error) {
    content.replaceChildren(h('p', { class: 'error' }, `Could not load clients: ${error instanceof Error ? error.message : error}`));
    return;
  }
  renderSidebarStages();
  render();
}

start();
