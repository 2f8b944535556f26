/**
 * How long this copy of a content script works: until a newer copy starts in the same document.
 * An extension update leaves the old copy running in open tabs and injects a new one beside it
 * (so does enabling a site again); the old one must stop, or the page is read twice. The copies
 * tell each other through a DOM event, as WXT's content-script context does, without the rest of
 * that context (its location watcher and timers) in the page. The event is named after the
 * install's secret (lib/sites/page-gate), not the public extension id: the page shares the DOM,
 * and with a name it can guess it could stop the reader or learn that Touchbook is installed.
 */
export function startScriptLifetime(doc: Document, secret: string, script: string): AbortSignal {
  const controller = new AbortController();
  const started = `${secret}:${script}:started`;
  doc.dispatchEvent(new Event(started)); // older copies stop; this one listens only from now on
  doc.addEventListener(started, () => controller.abort(new Error(`a newer ${script} script started`)), { once: true, signal: controller.signal });
  return controller.signal;
}
