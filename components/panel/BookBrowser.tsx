import { useSignal } from '@preact/signals';
import type { Section } from '../../lib/book/schema';
import type { Translate } from '../../lib/i18n';
import type { ClientPanelModel } from '../../lib/panel/client-model';
import { CopyButton } from './Script';

/** The book's sections ("3.14 Cold calls"), with their steps and scripts, searchable. */
export function BookBrowser({ model, t }: { model: ClientPanelModel; t: Translate }) {
  const filter = useSignal('');
  const book = model.book.value;
  if (!book) return null;
  const words = filter.value.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const matches = (section: Section) => {
    const haystack = [section.number, section.title, section.description, ...section.steps.flatMap((step) => [step.title, step.script ?? '', step.why ?? ''])]
      .join(' ')
      .toLocaleLowerCase();
    return words.every((word) => haystack.includes(word));
  };
  const sections = book.sections.filter(matches);
  return (
    <section class="tb-stack" aria-labelledby="book-browser-title" data-testid="book-browser">
      <h2 id="book-browser-title">{t('bookBrowserTitle')}</h2>
      <input
        class="tb-input"
        type="search"
        aria-label={t('bookBrowserSearch')}
        placeholder={t('bookBrowserSearch')}
        value={filter.value}
        onInput={(event) => (filter.value = event.currentTarget.value)}
      />
      {sections.map((section) => (
        <details class="tb-card" data-section-id={section.id} open={words.length > 0}>
          <summary>
            {section.number} {section.title}
          </summary>
          {section.description && <p>{section.description}</p>}
          {model.notes.value[section.id] && <p class="tb-notice">{model.notes.value[section.id]}</p>}
          <ol class="tb-steps">
            {section.steps.map((step) => (
              <li>
                <strong>{step.title}</strong>
                {step.script && (
                  <div class="tb-script-block">
                    <p class="tb-script">{step.script}</p>
                    <CopyButton text={step.script} t={t} />
                  </div>
                )}
                {step.why && <p class="tb-muted tb-small-text">{step.why}</p>}
              </li>
            ))}
          </ol>
        </details>
      ))}
      {sections.length === 0 && <p class="tb-muted">{t('bookBrowserNone')}</p>}
    </section>
  );
}
