import { describe, expect, it } from 'vitest';
import { DEFAULT_BOOK_LANGUAGES, DEFAULT_BOOKS } from '../../../lib/book/defaults';
import { BUYER_TYPE_IDS, type BuyerTypeId, type Idea } from '../../../lib/book/schema';
import { ideasForBuyerType } from '../../../lib/suggest/ideas';
import { book } from './factories';

function idea(id: string, forBuyerTypes?: BuyerTypeId[]): Idea {
  return { id, title: id, description: '', ...(forBuyerTypes ? { forBuyerTypes } : {}) };
}

const ids = (chosen: ReturnType<typeof ideasForBuyerType>) => chosen.map(({ kind, idea: { id } }) => `${kind}:${id}`);

describe('ideasForBuyerType', () => {
  it('takes a loyalty tool and a promotion in turn, in book order, three at most', () => {
    const small = {
      loyaltyIdeas: [idea('card', ['loyal']), idea('club', ['advocate']), idea('discounts', ['loyal', 'concession-seeker']), idea('service', ['loyal'])],
      promotionIdeas: [idea('first-access', ['loyal']), idea('points', ['loyal'])],
    };
    expect(ids(ideasForBuyerType(small, 'loyal'))).toEqual(['loyalty:card', 'promotion:first-access', 'loyalty:discounts']);
    expect(ids(ideasForBuyerType(small, 'loyal', 10))).toEqual(['loyalty:card', 'promotion:first-access', 'loyalty:discounts', 'promotion:points', 'loyalty:service']);
  });

  it('fills up from the longer list when the other runs out', () => {
    const onlyPromotions = { loyaltyIdeas: [idea('club', ['advocate'])], promotionIdeas: [idea('friend', ['advocate']), idea('review', ['advocate']), idea('story', ['advocate'])] };
    expect(ids(ideasForBuyerType(onlyPromotions, 'advocate'))).toEqual(['loyalty:club', 'promotion:friend', 'promotion:review']);
  });

  it('suggests nothing without a buyer type, for a type no idea is marked for, or for unmarked ideas', () => {
    const unmarked = { loyaltyIdeas: [idea('card')], promotionIdeas: [idea('gift')] };
    expect(ideasForBuyerType(unmarked, 'loyal')).toEqual([]);
    expect(ideasForBuyerType(book, null)).toEqual([]);
    expect(ideasForBuyerType(book, undefined)).toEqual([]);
    expect(ideasForBuyerType({ loyaltyIdeas: [idea('club', ['advocate'])], promotionIdeas: [] }, 'hostage')).toEqual([]);
  });

  describe('with the default book', () => {
    it.each<[BuyerTypeId, string[]]>([
      ['advocate', ['loyalty:client-club', 'promotion:bring-a-friend', 'promotion:review-bonus']],
      ['loyal', ['loyalty:loyalty-card', 'promotion:first-access', 'loyalty:cumulative-discounts']],
      ['concession-seeker', ['loyalty:cumulative-discounts', 'promotion:buy-more-save-more', 'promotion:two-plus-one']],
      ['defector', ['promotion:bundle-offer', 'promotion:personal-selection']],
      ['mercenary', ['loyalty:special-service-terms', 'promotion:bundle-offer', 'promotion:service-as-bonus']],
      ['hostage', ['loyalty:special-service-terms', 'promotion:small-gift', 'loyalty:after-sales-service']],
    ])('a client of type %s gets %j', (buyerType, expected) => {
      expect(ids(ideasForBuyerType(book, buyerType))).toEqual(expected);
    });

    it.each(DEFAULT_BOOK_LANGUAGES)('the %s book suggests two or three ideas for every buyer type', (language) => {
      for (const buyerType of BUYER_TYPE_IDS) {
        const chosen = ideasForBuyerType(DEFAULT_BOOKS[language], buyerType);
        expect(chosen.length, buyerType).toBeGreaterThanOrEqual(2);
        expect(chosen.every(({ idea: { title } }) => title.trim().length > 0)).toBe(true);
      }
    });
  });
});
