import type { BuyerType, Idea } from '../../lib/book/schema';
import type { Translate } from '../../lib/i18n';
import type { ClientPanelModel } from '../../lib/panel/client-model';
import type { IdeaKind } from '../../lib/suggest/ideas';

export const IDEA_KIND_LABELS = { loyalty: 'ideaKindLoyalty', promotion: 'ideaKindPromotion' } as const satisfies Record<IdeaKind, string>;

/** The book's names for the buyer types an idea is suggested for ("Loyal, Advocate"). */
export function buyerTypeNames(idea: Idea, buyerTypes: readonly BuyerType[]): string {
  return (idea.forBuyerTypes ?? []).map((id) => buyerTypes.find((type) => type.id === id)?.name ?? id).join(', ');
}

/** A few loyalty tools and promotions for the client's buyer type, under the book's advice. */
export function BuyerTypeIdeas({ model, t }: { model: ClientPanelModel; t: Translate }) {
  const ideas = model.ideas.value;
  const buyerType = model.profile.value?.buyerType;
  if (!buyerType || ideas.length === 0) return null;
  return (
    <section class="tb-card" data-testid="buyer-type-ideas" aria-labelledby="buyer-type-ideas-title">
      <h3 id="buyer-type-ideas-title">{t('ideasForBuyerType', { type: buyerType.name })}</h3>
      <ul class="tb-plain-list">
        {ideas.map(({ kind, idea }) => (
          <li data-idea-id={idea.id} data-kind={kind}>
            <strong>{idea.title}</strong> <span class="tb-tag">{t(IDEA_KIND_LABELS[kind])}</span>
            {idea.description && <div class="tb-muted tb-small-text">{idea.description}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
