import { useSignal } from '@preact/signals';
import type { BuyerType, Idea } from '../../lib/book/schema';
import type { MessageKey, Translate } from '../../lib/i18n';
import type { ClientPanelModel } from '../../lib/panel/client-model';
import type { IdeaKind } from '../../lib/suggest/ideas';
import { buyerTypeNames } from './Ideas';
import { CopyButton } from './Script';

const IDEA_LISTS: ReadonlyArray<{ kind: IdeaKind; key: 'loyaltyIdeas' | 'promotionIdeas'; title: MessageKey }> = [
  { kind: 'loyalty', key: 'loyaltyIdeas', title: 'bookLoyaltyIdeas' },
  { kind: 'promotion', key: 'promotionIdeas', title: 'bookPromotionIdeas' },
];

/**
 * The book's sections ("3.14 Cold calls"), with their steps and scripts, then its loyalty tools
 * and promotion ideas, all searchable.
 */
export function BookBrowser({ model, t }: { model: ClientPanelModel; t: Translate }) {
  const filter = useSignal('');
  const book = model.book.value;
  if (!book) return null;
  const words = filter.value.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const has = (texts: string[]) => {
    const haystack = texts.join(' ').toLocaleLowerCase();
    return words.every((word) => haystack.includes(word));
  };
  const sections = book.sections.filter((section) =>
    has([section.number, section.title, section.description, ...section.steps.flatMap((step) => [step.title, step.script ?? '', step.why ?? ''])]),
  );
  const ideaLists = IDEA_LISTS.map((list) => ({
    ...list,
    ideas: book[list.key].filter((idea) => has([idea.title, idea.description, buyerTypeNames(idea, book.buyerTypes)])),
  })).filter((list) => list.ideas.length > 0);
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
      {ideaLists.map((list) => (
        <details class="tb-card" data-ideas={list.kind} open={words.length > 0}>
          <summary>{t(list.title)}</summary>
          <ul class="tb-plain-list">
            {list.ideas.map((idea) => (
              <IdeaEntry idea={idea} buyerTypes={book.buyerTypes} t={t} />
            ))}
          </ul>
        </details>
      ))}
      {sections.length === 0 && ideaLists.length === 0 && <p class="tb-muted">{t('bookBrowserNone')}</p>}
    </section>
  );
}

function IdeaEntry({ idea, buyerTypes, t }: { idea: Idea; buyerTypes: readonly BuyerType[]; t: Translate }) {
  const suits = buyerTypeNames(idea, buyerTypes);
  return (
    <li data-idea-id={idea.id}>
      <strong>{idea.title}</strong>
      {idea.description && <div>{idea.description}</div>}
      {suits && <div class="tb-muted tb-small-text">{t('ideaSuggestedFor', { types: suits })}</div>}
    </li>
  );
}
