/**
 * "Teach a field": an overlay in the CRM page that lets the manager point at a value and say what
 * it is. Everything it draws lives in one shadow root on a host element of its own, so the page's
 * styles cannot reach it and it cannot restyle the page; every listener is removed when it ends.
 * Loaded on demand (never part of the always-on content script).
 */

export interface PickedField<F extends string> {
  field: F;
  selector?: string;
  label?: string;
  /** The text the manager clicked, shown back to them as confirmation. */
  sample: string;
}

export interface PickerOptions<F extends string> {
  doc: Document;
  fields: ReadonlyArray<{ id: F; label: string }>;
  text: { hint: string; cancel: string; whatIsThis: string; saved: string; failed: (error: string) => string };
  /** Where the clicked value will be found again on other records of this CRM. */
  describe: (element: Element) => { selector?: string; label?: string };
  onPick: (picked: PickedField<F>) => Promise<void>;
  onEnd?: () => void;
  /**
   * The one field the manager was asked to point at ("Teach the name"): the first click saves it
   * without the "what is this?" menu, then the picker goes on as usual.
   */
  preset?: { field: F; hint: string };
}

const HOST_TAG = 'touchbook-picker';
const STOP_EVENT = 'touchbook-picker-stop';

const STYLE = `
  :host { all: initial; }
  .bar { position: fixed; top: 12px; left: 50%; transform: translateX(-50%); z-index: 2147483647;
    font: 14px/1.4 system-ui, sans-serif; background: #1c1f24; color: #fff; border-radius: 8px;
    padding: 8px 12px; display: flex; gap: 12px; align-items: center; box-shadow: 0 4px 16px rgba(0,0,0,.3); }
  .bar button, .menu button { font: inherit; cursor: pointer; border-radius: 6px; border: 1px solid #5b6270;
    background: #2b2f36; color: #fff; padding: 4px 10px; }
  .bar button:focus-visible, .menu button:focus-visible { outline: 3px solid #8fb1ff; }
  .box { position: fixed; z-index: 2147483646; pointer-events: none; border: 2px solid #2356c7;
    background: rgba(35, 86, 199, .12); border-radius: 4px; display: none; }
  .menu { position: fixed; z-index: 2147483647; background: #fff; color: #1c1f24; border-radius: 8px;
    box-shadow: 0 4px 16px rgba(0,0,0,.3); padding: 8px; display: none; max-width: 320px;
    font: 14px/1.4 system-ui, sans-serif; }
  .menu p { margin: 0 0 6px; overflow-wrap: anywhere; }
  .menu .fields { display: flex; flex-wrap: wrap; gap: 6px; }
  .menu button { background: #f5f6f8; color: #1c1f24; border-color: #d9dce1; }
`;

/** Returns `stop`, and the closed shadow root for our own code (tests); the page never sees it. */
export function startPicker<F extends string>(options: PickerOptions<F>): { stop: () => void; root: ShadowRoot } {
  const { doc } = options;
  // A second "Teach" click restarts the picker. The first one may come from an earlier injection
  // of this script (a module scope of its own), so it is told to stop through its host element.
  doc.querySelector(HOST_TAG)?.dispatchEvent(new Event(STOP_EVENT));

  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const bar = element(doc, 'div', 'bar');
  const hint = element(doc, 'span', '');
  let preset = options.preset ?? null;
  hint.textContent = preset?.hint ?? options.text.hint;
  hint.setAttribute('role', 'status'); // "saved" or "failed" is said to screen readers too
  const cancel = element(doc, 'button', '');
  cancel.textContent = options.text.cancel;
  bar.append(hint, cancel);
  const box = element(doc, 'div', 'box');
  const menu = element(doc, 'div', 'menu');
  menu.setAttribute('role', 'dialog');
  root.append(style, bar, box, menu);
  doc.documentElement.append(host);

  const controller = new AbortController();
  const { signal } = controller;
  let chosen: Element | null = null;

  const stop = () => {
    controller.abort();
    host.remove();
    options.onEnd?.();
  };

  const outline = (target: Element | null) => {
    if (!target) {
      box.style.display = 'none';
      return;
    }
    const rect = target.getBoundingClientRect();
    Object.assign(box.style, {
      display: 'block',
      left: `${rect.left - 2}px`,
      top: `${rect.top - 2}px`,
      width: `${rect.width + 4}px`,
      height: `${rect.height + 4}px`,
    });
  };

  const showMenu = (target: Element, x: number, y: number) => {
    chosen = target;
    menu.replaceChildren();
    const question = element(doc, 'p', '');
    question.textContent = `${options.text.whatIsThis} “${sampleOf(target).slice(0, 80)}”`;
    const list = element(doc, 'div', 'fields');
    for (const field of options.fields) {
      const button = element(doc, 'button', '');
      button.textContent = field.label;
      button.addEventListener('click', () => void pick(field.id), { signal });
      list.append(button);
    }
    menu.append(question, list);
    const view = doc.defaultView;
    Object.assign(menu.style, {
      display: 'block',
      left: `${Math.min(x, (view?.innerWidth ?? 800) - 330)}px`,
      top: `${Math.min(y + 12, (view?.innerHeight ?? 600) - 200)}px`,
    });
    (list.firstElementChild as HTMLElement | null)?.focus();
  };

  const pick = async (field: F) => {
    if (!chosen) return;
    const sample = sampleOf(chosen);
    try {
      await options.onPick({ field, sample, ...options.describe(chosen) });
    } catch (error) {
      // The menu (or the request to point at a field) stays: the manager sees why and can try again.
      hint.textContent = options.text.failed(error instanceof Error ? error.message : String(error));
      if (preset) chosen = null; // no menu to keep open: the next click tries again
      return;
    }
    if (preset?.field === field) preset = null;
    hint.textContent = options.text.saved;
    menu.style.display = 'none';
    outline(null);
    chosen = null;
  };

  /** The page element under the pointer, never the picker itself. */
  const pageTarget = (event: Event): Element | null => {
    const target = event.composedPath()[0];
    if (!(target instanceof Element) || host.contains(target) || target === host) return null;
    return target;
  };

  const listen = <K extends keyof DocumentEventMap>(type: K, handler: (event: DocumentEventMap[K]) => void) =>
    doc.addEventListener(type, handler, { capture: true, signal });

  listen('mousemove', (event) => {
    if (chosen || event.target === host) return;
    outline(pageTarget(event));
  });
  listen('click', (event) => {
    // Seen from the document, a click inside our closed shadow root is retargeted to the host.
    if (event.target === host || event.composedPath().includes(host)) return;
    const target = pageTarget(event);
    if (!target) return;
    // The click teaches; it must not also open a link or a menu in the CRM.
    event.preventDefault();
    event.stopPropagation();
    outline(target);
    if (preset) {
      chosen = target;
      void pick(preset.field);
      return;
    }
    showMenu(target, event.clientX, event.clientY);
  });
  listen('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      stop();
    }
  });
  cancel.addEventListener('click', stop, { signal });
  host.addEventListener(STOP_EVENT, stop, { signal });

  return { stop, root };
}

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string): HTMLElementTagNameMap[K] {
  const created = doc.createElement(tag);
  if (className) created.className = className;
  return created;
}

function sampleOf(target: Element): string {
  const value = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target.value : target.textContent;
  return (value ?? '').replace(/\s+/g, ' ').trim();
}
