import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';

/**
 * Test pages: a happy-dom window per page, so each fixture has its own URL, `lang` and styles,
 * and scripts in it never run (as in a saved page). happy-dom does not parse declarative shadow
 * DOM, so `<template shadowrootmode="open">` is attached here the way a browser's parser would.
 */
export interface TestPage {
  window: Window;
  document: Document;
  url: string;
}

export function loadPage(html: string, url = 'https://crm.example.com/'): TestPage {
  const window = new Window({
    url,
    width: 1280,
    height: 900,
    // A saved page: nothing is fetched and nothing runs.
    settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true, handleDisabledFileLoadingAsSuccess: true, disableIframePageLoading: true },
  });
  window.document.write(html);
  const document = window.document as unknown as Document;
  attachDeclarativeShadowRoots(document);
  return { window, document, url };
}

export function loadFixture(path: string, url: string): TestPage {
  return loadPage(readFileSync(path, 'utf8'), url);
}

/** Innermost templates first, so a shadow tree inside a shadow tree is attached too. */
export function attachDeclarativeShadowRoots(root: ParentNode): number {
  let attached = 0;
  const templates = Array.from(root.querySelectorAll('template[shadowrootmode]')).reverse();
  for (const template of templates) {
    const host = template.parentElement;
    if (!host || host.shadowRoot) continue;
    const mode = template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open';
    const shadow = host.attachShadow({ mode });
    shadow.append((template as HTMLTemplateElement).content.cloneNode(true));
    template.remove();
    attached += 1;
    attached += attachDeclarativeShadowRoots(shadow);
  }
  return attached;
}

/**
 * What a browser's `body.innerText` would hold, for happy-dom, which lays nothing out and whose
 * innerText ignores stylesheets: the text of every text node whose element is shown by computed
 * style (display, visibility), one per line. Stands in for the page's visible text in digests.
 */
export function renderedTextOf(document: Document): string {
  const lines: string[] = [];
  const walker = document.createTreeWalker(document.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || ['script', 'style', 'noscript', 'template'].includes(parent.localName)) continue;
    if (!parent.checkVisibility({ visibilityProperty: true })) continue;
    lines.push(node.nodeValue ?? '');
  }
  return lines.join('\n');
}
