/**
 * A synthetic CRM record page of a chosen size, for measuring extraction. The record card itself
 * is small and fixed (as on real pages); the size comes from what surrounds it on a busy CRM
 * screen. Plain string building, no DOM: the same HTML can be loaded into happy-dom or into a real
 * browser (extraction-chromium.bench.ts does; open the HTML in any browser to profile by hand).
 *
 * Two shapes:
 * - `busy`: half of the page is sections of custom fields in nested wrappers (walked in full),
 *   a quarter a grid of related records (a data table), the rest an activity feed and navigation
 *   (the extractor skips those three, as it would on a real page);
 * - `dense`: nothing but nested field sections, so every node must be visited - the worst case.
 */

export type PageShape = 'busy' | 'dense';

export interface SyntheticPage {
  html: string;
  /** Nodes the page has (elements plus non-empty text nodes), approximately the target. */
  nodes: number;
  url: string;
}

const CARD = [
  '<header class="record-header"><h1 class="record-name">Olivia Bennett</h1><p class="subtitle">Purchasing Manager at Northwind Motors</p></header>',
  '<section class="record-fields" aria-label="Details"><dl>',
  '<dt>Company</dt><dd>Northwind Motors</dd>',
  '<dt>Job title</dt><dd>Purchasing Manager</dd>',
  '<dt>Phone</dt><dd><a href="tel:+442079460958">+44 20 7946 0958</a></dd>',
  '<dt>Mobile</dt><dd><a href="tel:+447700900123">+44 7700 900123</a></dd>',
  '<dt>Email</dt><dd><a href="mailto:olivia@northwind.example">olivia@northwind.example</a></dd>',
  '<dt>Deal stage</dt><dd><span class="pill">Negotiation</span></dd>',
  '<dt>Amount</dt><dd>€12,400.00</dd>',
  '<dt>Birthday</dt><dd>12 March 1984</dd>',
  '<dt>Tags</dt><dd><span class="tag">VIP</span> <span class="tag">fleet</span></dd>',
  '<dt>Owner</dt><dd>Daniel Novak</dd>',
  '<dt>Next contact</dt><dd><time datetime="2026-02-10T10:30">10 Feb 2026, 10:30</time></dd>',
  '</dl></section>',
].join('');

/** The card and the page frame around it with no filler, as counted by `countNodes`. */
const BASE_NODES = 95;

/** A section of ten custom fields in component wrappers: 3 + 10 * 7 nodes. */
function fieldSection(index: number): string {
  const fields = Array.from(
    { length: 10 },
    (_, field) =>
      `<div class="field-row"><div class="field"><span class="field-label">Custom field ${index}.${field}</span><div class="field-value"><span>Option ${(index * 7 + field) % 31}</span></div></div></div>`,
  ).join('');
  return `<section class="panel"><h3>Section ${index}</h3>${fields}</section>`;
}
const FIELD_SECTION_NODES = 73;

/** One row of the related-records grid: 7 elements + 4 text nodes. */
function gridRow(index: number): string {
  return `<tr><td><a href="/contacts/${index}">Person ${index}</a></td><td>Company ${index % 97}</td><td><a href="mailto:p${index}@example.com">p${index}@example.com</a></td><td>+44 20 7946 ${String(index % 10_000).padStart(4, '0')}</td></tr>`;
}
const GRID_ROW_NODES = 11;

/** One activity feed item: 4 elements + 3 text nodes (the space between is whitespace). */
function feedItem(index: number): string {
  return `<li class="feed-item"><span class="author">User ${index % 13}</span> <time datetime="2025-12-${String((index % 28) + 1).padStart(2, '0')}">Dec ${(index % 28) + 1}</time><p>Called about order ${index}; follow up next week.</p></li>`;
}
const FEED_ITEM_NODES = 7;

/** One sidebar link: 2 elements + 1 text node. */
function navItem(index: number): string {
  return `<li><a href="/views/${index}">Saved view ${index}</a></li>`;
}
const NAV_ITEM_NODES = 3;

const SHARES: Record<PageShape, { sections: number; grid: number; feed: number; nav: number }> = {
  busy: { sections: 0.5, grid: 0.25, feed: 0.15, nav: 0.1 },
  dense: { sections: 1, grid: 0, feed: 0, nav: 0 },
};

export function syntheticRecordPage(targetNodes: number, shape: PageShape = 'busy'): SyntheticPage {
  const budget = Math.max(0, targetNodes - BASE_NODES);
  const share = SHARES[shape];
  const sections = Math.floor((budget * share.sections) / FIELD_SECTION_NODES);
  const gridRows = Math.floor((budget * share.grid) / GRID_ROW_NODES);
  const feedItems = Math.floor((budget * share.feed) / FEED_ITEM_NODES);
  const navItems = Math.floor((budget * share.nav) / NAV_ITEM_NODES);
  const nodes =
    BASE_NODES + sections * FIELD_SECTION_NODES + gridRows * GRID_ROW_NODES + feedItems * FEED_ITEM_NODES + navItems * NAV_ITEM_NODES;

  const html = [
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Olivia Bennett · CRM</title></head><body>',
    '<header class="topbar"><a class="brand" href="/">CRM</a><span class="user">Daniel Novak</span></header>',
    `<nav class="sidebar" aria-label="Sidebar"><ul>${Array.from({ length: navItems }, (_, index) => navItem(index)).join('')}</ul></nav>`,
    '<main id="record" class="record">',
    CARD,
    `<div class="custom-fields">${Array.from({ length: sections }, (_, index) => fieldSection(index)).join('')}</div>`,
    '<section class="related" aria-label="Related contacts"><h2>Related contacts</h2><table class="grid"><thead><tr><th>Name</th><th>Company</th><th>Email</th><th>Phone</th></tr></thead><tbody>',
    Array.from({ length: gridRows }, (_, index) => gridRow(index)).join(''),
    '</tbody></table></section>',
    '<section class="record-activity" aria-label="Activity"><h2>Activity</h2><ul class="feed">',
    Array.from({ length: feedItems }, (_, index) => feedItem(index)).join(''),
    '</ul></section>',
    '</main><footer class="footer">© CRM</footer></body></html>',
  ].join('');
  return { html, nodes, url: 'https://crm.example.com/contacts/42' };
}

/** Counts elements and non-empty text nodes under a root, the way the page size is meant. */
export function countNodes(root: Node): number {
  let count = 0;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 1 || (node.nodeType === 3 && (node.textContent ?? '').trim() !== '')) count += 1;
    for (let child = node.firstChild; child; child = child.nextSibling) stack.push(child);
  }
  return count;
}
