/** A short message in the corner of the CRM page, in a closed shadow root; gone after a few seconds. */
export function showToast(doc: Document, text: string, durationMs = 3500): void {
  const host = doc.createElement('touchbook-toast');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = `:host { all: initial; }
    div { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; max-width: 360px;
      font: 14px/1.4 system-ui, sans-serif; background: #1c1f24; color: #fff; border-radius: 8px;
      padding: 10px 14px; box-shadow: 0 4px 16px rgba(0,0,0,.3); }`;
  const box = doc.createElement('div');
  box.setAttribute('role', 'status');
  box.textContent = text;
  root.append(style, box);
  doc.documentElement.append(host);
  setTimeout(() => host.remove(), durationMs);
}
