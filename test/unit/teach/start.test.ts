import { afterEach, describe, expect, it, vi } from 'vitest';
import { MESSAGES, type UiLanguage } from '../../../lib/i18n';
import type { ContentMessage, Reply } from '../../../lib/messages';
import type { TeachableField } from '../../../lib/sites/mappings';
import { describeForTeaching } from '../../../lib/teach/describe';
import { startTeaching } from '../../../lib/teach/start';
import { PICKER_MESSAGE_KEYS } from '../../../lib/teach/texts';
import { captureShadowRoots } from './shadow';

type Send = Parameters<typeof startTeaching>[0]['send'];

const PAGE = `
  <main class="record">
    <h1 id="record-name">Anna Petrova</h1>
    <dl class="fields">
      <dt>Phone</dt><dd id="contact-phone">+44 20 7946 0958</dd>
      <dt>Email</dt><dd id="contact-email">anna@acme.example</dd>
    </dl>
  </main>`;

/** The picker's words in a language, as the background sends them. */
const messagesIn = (language: UiLanguage) => Object.fromEntries(PICKER_MESSAGE_KEYS.map((key) => [key, MESSAGES[language][key]]));

/** The background's answers to the picker: the teaching context, and what a saved mapping gives back. */
function setUp(context: { language?: UiLanguage; selectionField?: TeachableField | null; pickField?: TeachableField | null } | null, teach: () => Reply<unknown> = () => ({ ok: true, data: [] })) {
  document.body.innerHTML = PAGE;
  const sent: ContentMessage[] = [];
  const send = ((message: ContentMessage) => {
    sent.push(message);
    if (message.type === 'cs/teach.context') {
      return Promise.resolve(
        context === null
          ? { ok: false, error: 'no reply from the background' }
          : { ok: true, data: { language: context.language ?? 'en', messages: messagesIn(context.language ?? 'en'), selectionField: context.selectionField ?? null, pickField: context.pickField ?? null } },
      );
    }
    if (message.type === 'cs/teach') return Promise.resolve(teach());
    return Promise.resolve({ ok: false, error: `unexpected ${message.type}` });
  }) as Send;
  const controller = new AbortController();
  const roots = captureShadowRoots();
  const describe = vi.fn(describeForTeaching);
  const start = () => startTeaching({ doc: document, send, signal: controller.signal, describe });
  const toastText = () => {
    const hosts = [...document.querySelectorAll('touchbook-toast')];
    return hosts.length ? roots().at(-1)?.querySelector('[role="status"]')?.textContent : undefined;
  };
  return { sent, start, controller, describe, roots, toastText };
}

/** Selects the text inside an element, as the manager does with the mouse. */
function selectTextOf(id: string) {
  const text = document.getElementById(id)!.firstChild!;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, text.textContent!.length);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

afterEach(() => {
  document.getSelection()?.removeAllRanges();
  for (const host of document.querySelectorAll('touchbook-toast, touchbook-picker')) host.remove();
});

describe('startTeaching from the context menu ("use as client phone")', () => {
  it('teaches the selected value where the page shows it, and says what it will read it as', async () => {
    const { sent, start, describe, toastText } = setUp({ selectionField: 'phones' });
    selectTextOf('contact-phone');
    await start();

    const phone = document.getElementById('contact-phone')!;
    expect(describe).toHaveBeenCalledWith(phone);
    const place = describeForTeaching(phone);
    expect(place.selector ?? place.label).toBeTruthy();
    expect(sent).toEqual([{ type: 'cs/teach.context' }, { type: 'cs/teach', mapping: { field: 'phones', ...place } }]);
    expect(toastText()).toBe('Touchbook will read this as: Phone');
    expect(document.querySelector('touchbook-picker')).toBeNull();
  });

  it("speaks the manager's language", async () => {
    const { start, toastText } = setUp({ language: 'ru', selectionField: 'phones' });
    selectTextOf('contact-phone');
    await start();
    expect(toastText()).toBe('Touchbook будет читать это как: Телефон');
  });

  it('asks to select the value first when nothing is selected, and saves nothing', async () => {
    const { sent, start, toastText } = setUp({ selectionField: 'emails' });
    await start();
    expect(sent).toEqual([{ type: 'cs/teach.context' }]);
    expect(toastText()).toBe('Select the value on the page first.');
    expect(document.querySelector('touchbook-picker')).toBeNull();
  });

  it('a collapsed selection (a click, no text) counts as nothing selected', async () => {
    const { sent, start, toastText } = setUp({ selectionField: 'name' });
    const range = document.createRange();
    range.setStart(document.getElementById('record-name')!.firstChild!, 2);
    document.getSelection()!.addRange(range);
    await start();
    expect(sent.map((message) => message.type)).toEqual(['cs/teach.context']);
    expect(toastText()).toBe('Select the value on the page first.');
  });

  it('tells the manager when the background could not save it', async () => {
    const { start, toastText } = setUp({ selectionField: 'phones' }, () => ({ ok: false, error: 'https://crm.example.com is not enabled' }));
    selectTextOf('contact-phone');
    await expect(start()).resolves.toBeUndefined();
    expect(toastText()).toBe('Something went wrong: https://crm.example.com is not enabled');
  });
});

describe('startTeaching from the side panel ("Teach a field")', () => {
  it('starts the picker with the fields in the manager’s language, and saves what is picked', async () => {
    const { sent, start, roots } = setUp({ language: 'en', selectionField: null });
    await start();
    expect(document.querySelector('touchbook-picker')).not.toBeNull();
    const root = roots()[0]!;
    expect(root.querySelector('.bar span')?.textContent).toBe('Click the value Touchbook should read. Press Esc when you are done.');

    document.getElementById('contact-email')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('.menu button')];
    expect(buttons.map((button) => button.textContent)).toContain('Email');
    buttons.find((button) => button.textContent === 'Email')!.click();
    await vi.waitFor(() => expect(sent.map((message) => message.type)).toEqual(['cs/teach.context', 'cs/teach']));
    expect(sent[1]).toEqual({ type: 'cs/teach', mapping: { field: 'emails', ...describeForTeaching(document.getElementById('contact-email')!) } });
  });

  it('starts the picker in English when the background gives no context', async () => {
    const { start, roots } = setUp(null);
    await start();
    expect(roots()[0]!.querySelector('.bar button')?.textContent).toBe('Done');
  });

  it('in Russian, the picker speaks Russian', async () => {
    const { start, roots } = setUp({ language: 'ru' });
    await start();
    expect(roots()[0]!.querySelector('.bar button')?.textContent).toBe('Готово');
  });

  it('ends the picker when the page script is stopped', async () => {
    const { start, controller } = setUp({ selectionField: null });
    await start();
    controller.abort();
    expect(document.querySelector('touchbook-picker')).toBeNull();
  });
});

describe('startTeaching from the side panel ("Teach the name")', () => {
  it('asks for that field in the manager\'s language and saves the first click as it', async () => {
    const { sent, start, roots } = setUp({ language: 'uk', pickField: 'name' });
    await start();
    expect(roots().at(-1)?.querySelector('.bar span')?.textContent).toBe('Ім\'я клієнта: натисніть на нього на сторінці. Esc — завершити.');
    document.getElementById('contact-email')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(sent.find((message) => message.type === 'cs/teach')).toMatchObject({ mapping: { field: 'name', selector: '#contact-email' } }));
  });
});
