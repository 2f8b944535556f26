import type { ComponentChildren } from 'preact';
import { useSignal } from '@preact/signals';
import type { BookStatus } from '../lib/background/books';
import type { BookError } from '../lib/book/errors';
import type { Translate } from '../lib/i18n';
import type { BookModel } from '../lib/options/book-model';
import { download } from './download';
import { dateTimeFormat } from '../lib/i18n/date-format';

const SYNC_CHOICES = [
  [15, 'bookEvery15Minutes'],
  [60, 'bookEveryHour'],
  [360, 'bookEverySixHours'],
  [1440, 'bookEveryDay'],
] as const;

/** The options page's sales-book section: where the book comes from, its state, and the tools. */
export function BookSettings({ model, t, locale }: { model: BookModel; t: Translate; locale: string }) {
  const status = model.status.value;
  if (!status) return null;
  return (
    <section class="tb-card tb-stack" aria-labelledby="book-title" data-testid="book-settings">
      <h2 id="book-title">{t('optionsBookTitle')}</h2>
      <BookStatusView status={status} t={t} locale={locale} onSync={() => void model.sync()} busy={model.busy.value} />
      <ErrorList errors={model.errors.value} />
      {status.canChangeSource ? (
        <>
          <SubscriptionForm model={model} status={status} t={t} />
          <ImportForm model={model} status={status} t={t} />
        </>
      ) : (
        <p class="tb-notice">{t('bookLocked')}</p>
      )}
      <BookPreview model={model} t={t} />
      <PersonalAnswers model={model} t={t} />
      <PersonalNotes model={model} t={t} />
    </section>
  );
}

function sourceText(status: BookStatus, t: Translate): string {
  switch (status.source) {
    case 'managed':
      return t('bookSourceManaged');
    case 'subscription':
      return t('bookSourceSubscription', { url: status.url ?? '' });
    case 'imported':
      return t('bookSourceImported');
    case 'default':
      return t('bookSourceDefault');
  }
}

function BookStatusView({
  status,
  t,
  locale,
  onSync,
  busy,
}: {
  status: BookStatus;
  t: Translate;
  locale: string;
  onSync: () => void;
  busy: boolean;
}) {
  const when = (iso: string | null) =>
    iso ? dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '—';
  return (
    <div class="tb-stack" data-testid="book-status">
      <p>
        <strong data-testid="book-source">{sourceText(status, t)}</strong>
      </p>
      <p>
        <span data-testid="book-title">{status.book.title}</span> ·{' '}
        <span data-testid="book-version">{t('bookVersion', { version: status.book.version, date: when(status.book.updatedAt) })}</span>
      </p>
      {(status.source === 'subscription' || status.source === 'managed') && (
        <div class="tb-row">
          <span class="tb-muted" data-testid="book-checked">
            {t('bookLastChecked', { time: when(status.checkedAt) })}
          </span>
          {status.url && (
            <button class="tb-button" type="button" disabled={busy} onClick={onSync} data-testid="book-sync">
              {t('bookSyncNow')}
            </button>
          )}
        </div>
      )}
      {!status.fromActiveSource && status.source !== 'default' && <p class="tb-notice">{t('bookNotYetDelivered')}</p>}
      {status.lastError && (
        <div class="tb-stack" role="alert" data-testid="book-last-error">
          <p class="tb-error">{t('bookRejected', { time: when(status.lastError.at) })}</p>
          <ErrorList errors={status.lastError.errors} />
        </div>
      )}
      {status.policyErrors.length > 0 && (
        <div class="tb-stack">
          <p class="tb-error">{t('bookPolicyErrors')}</p>
          <ErrorList errors={status.policyErrors} />
        </div>
      )}
    </div>
  );
}

function ErrorList({ errors }: { errors: BookError[] }) {
  if (errors.length === 0) return null;
  return (
    <ul class="tb-errors" data-testid="book-errors">
      {errors.slice(0, 50).map((error) => (
        <li>
          {error.path && <code>{error.path}</code>} {error.message}
        </li>
      ))}
      {errors.length > 50 && <li>…</li>}
    </ul>
  );
}

function SubscriptionForm({ model, status, t }: { model: BookModel; status: BookStatus; t: Translate }) {
  const url = useSignal(status.config.subscriptionUrl ?? '');
  const key = useSignal(status.config.publicKey ?? '');
  const minutes = useSignal(status.config.syncMinutes);
  return (
    <form
      class="tb-stack"
      aria-labelledby="subscribe-title"
      onSubmit={(event) => {
        event.preventDefault();
        void model.subscribe(url.value, key.value, minutes.value);
      }}
    >
      <h3 id="subscribe-title">{t('bookSubscribeTitle')}</h3>
      <label class="tb-field">
        <span>{t('bookSubscribeUrl')}</span>
        <input
          class="tb-input"
          type="url"
          name="book-url"
          placeholder="https://…/sales-book.json"
          value={url.value}
          onInput={(event) => (url.value = event.currentTarget.value)}
        />
      </label>
      <label class="tb-field">
        <span>{t('bookPublicKey')}</span>
        <input class="tb-input" type="text" name="book-key" value={key.value} onInput={(event) => (key.value = event.currentTarget.value)} />
      </label>
      <label class="tb-field">
        <span>{t('bookSyncEvery')}</span>
        <select class="tb-input" value={String(minutes.value)} onChange={(event) => (minutes.value = Number(event.currentTarget.value))}>
          {SYNC_CHOICES.map(([value, label]) => (
            <option value={String(value)}>{t(label)}</option>
          ))}
        </select>
      </label>
      <div class="tb-row">
        <button class="tb-button primary" type="submit" disabled={model.busy.value} data-testid="book-subscribe">
          {t('bookSubscribe')}
        </button>
        {status.config.subscriptionUrl && (
          <button class="tb-button" type="button" disabled={model.busy.value} onClick={() => void model.unsubscribe()}>
            {t('bookUnsubscribe')}
          </button>
        )}
      </div>
    </form>
  );
}

function ImportForm({ model, status, t }: { model: BookModel; status: BookStatus; t: Translate }) {
  const pasted = useSignal('');
  return (
    <form
      class="tb-stack"
      aria-labelledby="import-title"
      onSubmit={(event) => {
        event.preventDefault();
        void model.importText(pasted.value).then((ok) => {
          if (ok) pasted.value = '';
        });
      }}
    >
      <h3 id="import-title">{t('bookImportTitle')}</h3>
      <label class="tb-field">
        <span>{t('bookImportFile')}</span>
        <input
          type="file"
          accept=".json,application/json"
          data-testid="book-file"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) void file.text().then((text) => model.importText(text));
            event.currentTarget.value = '';
          }}
        />
      </label>
      <label class="tb-field">
        <span>{t('bookImportPaste')}</span>
        <textarea class="tb-input" rows={4} value={pasted.value} onInput={(event) => (pasted.value = event.currentTarget.value)} />
      </label>
      <div class="tb-row">
        <button class="tb-button" type="submit" disabled={model.busy.value || pasted.value.trim() === ''}>
          {t('bookImport')}
        </button>
        {status.source === 'imported' && (
          <button class="tb-button" type="button" disabled={model.busy.value} onClick={() => void model.forgetImported()}>
            {t('bookUseDefault')}
          </button>
        )}
        <button class="tb-button" type="button" onClick={() => downloadBook(model)}>
          {t('bookExport')}
        </button>
      </div>
    </form>
  );
}

function downloadBook(model: BookModel) {
  const json = model.exportJson();
  if (json) download(`${model.book.value?.book.id ?? 'sales-book'}.json`, json);
}

function BookPreview({ model, t }: { model: BookModel; t: Translate }) {
  const book = model.book.value?.book;
  if (!book) return null;
  return (
    <details class="tb-stack" data-testid="book-preview">
      <summary>{t('bookPreviewTitle')}</summary>
      <ul class="tb-list">
        <li>{t('bookCountProgrammes', { count: book.programmes.length })}</li>
        <li>{t('bookCountCrossSell', { count: book.crossSell.length })}</li>
        <li>{t('bookCountQuestionnaires', { count: book.questionnaires.length })}</li>
        <li>{t('bookCountObjections', { count: book.objections.length })}</li>
        <li>{t('bookCountSections', { count: book.sections.length })}</li>
      </ul>
      <h3>{t('bookSectionsTitle')}</h3>
      <ul class="tb-plain-list">
        {book.sections.map((section) => (
          <li>
            {section.number} {section.title}
          </li>
        ))}
      </ul>
      <h3>{t('bookProgrammesTitle')}</h3>
      <ul class="tb-plain-list">
        {book.programmes.map((programme) => (
          <li>{programme.name}</li>
        ))}
      </ul>
    </details>
  );
}

function PersonalAnswers({ model, t }: { model: BookModel; t: Translate }) {
  const book = model.book.value?.book;
  const layer = model.personal.value;
  const objectionId = useSignal('');
  const text = useSignal('');
  const why = useSignal('');
  if (!book || !layer) return null;
  const titleOf = (id: string) => book.objections.find((objection) => objection.id === id)?.phrasings[0] ?? id;
  return (
    <OwnAdditions
      id="personal"
      listTestId="personal-answers"
      title={t('bookPersonalTitle')}
      hint={t('bookPersonalHint')}
      empty={t('bookPersonalNone')}
      items={Object.entries(layer.responses).flatMap(([id, responses]) =>
        responses.map((response, index) => ({ heading: titleOf(id), text: response.text, remove: () => void model.removePersonalResponse(id, index) })),
      )}
      t={t}
      submit={{
        label: t('bookPersonalAdd'),
        enabled: !model.busy.value && objectionId.value !== '' && text.value.trim() !== '',
        run: () =>
          void model.addPersonalResponse(objectionId.value, text.value, why.value).then((ok) => {
            if (ok) text.value = why.value = '';
          }),
      }}
    >
      <label class="tb-field">
        <span>{t('bookPersonalObjection')}</span>
        <select class="tb-input" value={objectionId.value} onChange={(event) => (objectionId.value = event.currentTarget.value)}>
          <option value="" />
          {book.objections
            .filter((objection) => !objection.personal)
            .map((objection) => (
              <option value={objection.id}>{objection.phrasings[0]}</option>
            ))}
        </select>
      </label>
      <label class="tb-field">
        <span>{t('bookPersonalText')}</span>
        <textarea class="tb-input" rows={2} value={text.value} onInput={(event) => (text.value = event.currentTarget.value)} />
      </label>
      <label class="tb-field">
        <span>{t('bookPersonalWhy')}</span>
        <input class="tb-input" type="text" value={why.value} onInput={(event) => (why.value = event.currentTarget.value)} />
      </label>
    </OwnAdditions>
  );
}

/** The manager's notes under the book's sections ("call before 11 here"), shown in the side panel. */
function PersonalNotes({ model, t }: { model: BookModel; t: Translate }) {
  const book = model.book.value?.book;
  const layer = model.personal.value;
  const sectionId = useSignal('');
  const note = useSignal('');
  if (!book || !layer) return null;
  const titleOf = (id: string) => book.sections.find((section) => section.id === id)?.title ?? id;
  const choose = (id: string) => {
    sectionId.value = id;
    note.value = layer.notes[id] ?? ''; // editing an existing note starts from it
  };
  return (
    <OwnAdditions
      id="notes"
      listTestId="personal-notes"
      title={t('bookNotesTitle')}
      empty={t('bookNotesNone')}
      items={Object.entries(layer.notes).map(([id, text]) => ({ heading: titleOf(id), text, remove: () => void model.saveSectionNote(id, '') }))}
      t={t}
      submit={{
        label: t('bookNotesSave'),
        enabled: !model.busy.value && sectionId.value !== '' && note.value.trim() !== '',
        run: () =>
          void model.saveSectionNote(sectionId.value, note.value).then((ok) => {
            if (ok) note.value = '';
          }),
      }}
    >
      <label class="tb-field">
        <span>{t('bookNotesSection')}</span>
        <select class="tb-input" value={sectionId.value} onChange={(event) => choose(event.currentTarget.value)}>
          <option value="" />
          {book.sections.map((section) => (
            <option value={section.id}>{section.title}</option>
          ))}
        </select>
      </label>
      <label class="tb-field">
        <span>{t('bookNotesText')}</span>
        <textarea class="tb-input" rows={2} value={note.value} onInput={(event) => (note.value = event.currentTarget.value)} />
      </label>
    </OwnAdditions>
  );
}

/** A list of the manager's own additions to the book, each removable, and the form to add one. */
function OwnAdditions({
  id,
  listTestId,
  title,
  hint,
  empty,
  items,
  t,
  submit,
  children,
}: {
  id: string;
  listTestId: string;
  title: string;
  hint?: string;
  empty: string;
  items: Array<{ heading: string; text: string; remove: () => void }>;
  t: Translate;
  submit: { label: string; enabled: boolean; run: () => void };
  children: ComponentChildren;
}) {
  return (
    <section class="tb-stack" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {hint && <p class="tb-muted">{hint}</p>}
      {items.length === 0 ? (
        <p class="tb-muted">{empty}</p>
      ) : (
        <ul class="tb-list" data-testid={listTestId}>
          {items.map((item) => (
            <li>
              <span>
                <strong>{item.heading}</strong>: {item.text}
              </span>
              <button class="tb-button" type="button" onClick={item.remove}>
                {t('bookPersonalRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="tb-stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (submit.enabled) submit.run();
        }}
      >
        {children}
        <div class="tb-row">
          <button class="tb-button" type="submit" disabled={!submit.enabled}>
            {submit.label}
          </button>
        </div>
      </form>
    </section>
  );
}
