import type { BuyerTypeId, Idea, SalesBook } from '../book/schema';

/**
 * Loyalty tools and promotion ideas for the client on screen (methodology, section 8): the book
 * marks which buyer types each idea suits (`forBuyerTypes`), and the side panel shows a few of
 * them next to the advice for the client's type, so "keep the loyal client loyal" comes with
 * something to offer today.
 */

export type IdeaKind = 'loyalty' | 'promotion';

export interface SuggestedIdea {
  kind: IdeaKind;
  idea: Idea;
}

/** Two or three are something to act on in a call; the rest are a click away in the book. */
export const MAX_SUGGESTED_IDEAS = 3;

/**
 * The book's ideas for a buyer type, a loyalty tool and a promotion in turn, each list in the
 * book's order (the team lead puts the best first), at most `limit`. Taking turns keeps one long
 * list from crowding out the other: a loyal client hears of the loyalty card and of first access,
 * not of three kinds of discount.
 */
export function ideasForBuyerType(
  book: Pick<SalesBook, 'loyaltyIdeas' | 'promotionIdeas'>,
  buyerType: BuyerTypeId | null | undefined,
  limit = MAX_SUGGESTED_IDEAS,
): SuggestedIdea[] {
  if (!buyerType) return [];
  const suits = (idea: Idea) => idea.forBuyerTypes?.includes(buyerType) === true;
  const loyalty = book.loyaltyIdeas.filter(suits).map((idea): SuggestedIdea => ({ kind: 'loyalty', idea }));
  const promotion = book.promotionIdeas.filter(suits).map((idea): SuggestedIdea => ({ kind: 'promotion', idea }));
  const chosen: SuggestedIdea[] = [];
  for (let index = 0; chosen.length < limit && (index < loyalty.length || index < promotion.length); index += 1) {
    for (const list of [loyalty, promotion]) {
      const next = list[index];
      if (next && chosen.length < limit) chosen.push(next);
    }
  }
  return chosen;
}
