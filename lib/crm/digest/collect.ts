import { openTrees, type QueryRoot } from '../dom/tree';

/**
 * The page's side of the off-page reader: what the analysis needs, read with native calls only
 * (the browser serialises the tree; no JavaScript runs per element except the bounded search for
 * open shadow roots). The analysis, in an extension page, parses it back into a document and runs
 * the reader there (`./analyse`).
 */
export interface PageDigest {
  url: string;
  /** The page serialised, open shadow roots as declarative `<template shadowrootmode>`. */
  html: string;
  /** Current values of form controls (the serialised attributes say only the initial ones), in `controlsOf` order. */
  values: ControlValue[];
  /** True when the page was too big and only its head and record area were sent. */
  partial: boolean;
  /**
   * What the page shows as text (`body.innerText`: the browser leaves out what CSS hides), for
   * the analysis, which has no layout to tell a class-hidden copy from the shown one. Null where
   * the browser cannot say (no layout: a test DOM may pass its own).
   */
  visibleText: string | null;
  /** The visible text was cut at MAX_VISIBLE_TEXT_CHARS. */
  visibleTextPartial: boolean;
}

/** A text field's value, or the selected option's index. */
export type ControlValue = string | number | null;

/** Past this size the digest holds the head and the record area only (a card is far smaller). */
export const MAX_DIGEST_CHARS = 2_000_000;

/** A record page's text is far shorter; past this the analysis cannot judge hiding (see isComputedVisible). */
export const MAX_VISIBLE_TEXT_CHARS = 1_000_000;

const CONTROLS = 'input, select, textarea';

export function collectDigest(doc: Document, url: string, maxChars = MAX_DIGEST_CHARS, visibleText = renderedText(doc)): PageDigest | null {
  const root = doc.documentElement;
  // The browser's own serialiser (Chrome 125, Firefox 128, the manifests' minimums) or no read:
  // the page's markup is read here, never written or shown anywhere.
  if (!root || !doc.body || !canSerialise(root)) return null;
  const shadowRoots = openTrees(doc.body).filter(isShadow);
  let html = serialise(root, shadowRoots);
  let partial = false;
  if (html.length > maxChars) {
    // The record area first: `<main>` when the page has one, else the start of the body.
    const area = doc.getElementsByTagName('main')[0] ?? doc.body;
    const head = doc.head ? serialise(doc.head, [], true) : '';
    html = `<html${langAttribute(root)}>${head}<body>${serialise(area, shadowRoots, true).slice(0, maxChars)}</body></html>`;
    partial = true;
  }
  return {
    url,
    html,
    values: controlsOf(doc).map(controlValue),
    partial,
    visibleText: visibleText === null ? null : visibleText.slice(0, MAX_VISIBLE_TEXT_CHARS),
    visibleTextPartial: visibleText !== null && visibleText.length > MAX_VISIBLE_TEXT_CHARS,
  };
}

/** The body's text as laid out, in one native call; null without `innerText` (older DOMs). */
function renderedText(doc: Document): string | null {
  const text: unknown = (doc.body as HTMLElement | null)?.innerText;
  return typeof text === 'string' ? text : null;
}

type Serialisable = Element & { getHTML: (options: { serializableShadowRoots: boolean; shadowRoots: ShadowRoot[] }) => string };

function canSerialise(element: Element): element is Serialisable {
  return typeof (element as Partial<Serialisable>).getHTML === 'function';
}

function serialise(element: Element, shadowRoots: ShadowRoot[], outer = false): string {
  if (!canSerialise(element)) return '';
  const inner = element.getHTML({ serializableShadowRoots: true, shadowRoots });
  if (!outer && element.localName !== 'html') return inner;
  const tag = element.localName;
  const attributes = Array.from(element.attributes, (attribute) => ` ${attribute.name}="${escapeAttribute(attribute.value)}"`).join('');
  return `<${tag}${attributes}>${inner}</${tag}>`;
}

function langAttribute(element: Element): string {
  const lang = element.getAttribute('lang');
  return lang === null ? '' : ` lang="${escapeAttribute(lang)}"`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

function isShadow(tree: QueryRoot): tree is ShadowRoot {
  return tree.nodeType === 11;
}

/** Form controls in the page and its open shadow roots; the analysis finds them in the same order. */
export function controlsOf(doc: Document): Element[] {
  const controls: Element[] = [];
  for (const tree of openTrees(doc.body)) for (const control of tree.querySelectorAll(CONTROLS)) controls.push(control);
  return controls;
}

function controlValue(control: Element): ControlValue {
  if (control.localName === 'select') return (control as HTMLSelectElement).selectedIndex;
  if (control.localName === 'textarea' || control.localName === 'input') return (control as HTMLInputElement).value.slice(0, 2_000);
  return null;
}
