import type { PlaceholderValues } from '../../lib/book/placeholders';
import type { MessageKey, Translate } from '../../lib/i18n';
import type { ClientPanelModel } from '../../lib/panel/client-model';
import type { CrossSellOffer } from '../../lib/suggest/cross-sell';
import { Script } from './Script';

const TIER_LABELS: Record<string, MessageKey> = {
  standard: 'tierStandard',
  professional: 'tierProfessional',
  premium: 'tierPremium',
};

/** Offers that fit what the client bought, ranked, each with the benefit and its options (three or more). */
export function CrossSell({ model, t, values }: { model: ClientPanelModel; t: Translate; values: (offer: CrossSellOffer) => PlaceholderValues }) {
  const offers = model.crossSell.value;
  return (
    <section class="tb-stack" aria-labelledby="cross-sell-title" data-testid="cross-sell">
      <h2 id="cross-sell-title">{t('crossSellTitle')}</h2>
      {offers.length === 0 && <p class="tb-muted">{t('crossSellNone')}</p>}
      {offers.map((offer) => (
        <article class="tb-card tb-stack" data-rule-id={offer.ruleId} data-testid="offer">
          <h3>{offer.title}</h3>
          <p class="tb-muted">{t('crossSellBecause', { product: offer.core.product.name })}</p>
          <p>
            <strong>{t('crossSellBenefit')}</strong> {offer.benefit}
          </p>
          {offer.options.length > 0 && (
            <ul class="tb-options">
              {offer.options.map((option) => (
                <li>
                  <strong>{TIER_LABELS[option.tier] ? t(TIER_LABELS[option.tier]!) : option.tier}</strong>: {option.title}
                  {option.price && <span class="tb-muted"> · {option.price}</span>}
                  <div class="tb-muted">{option.whatDiffers}</div>
                </li>
              ))}
            </ul>
          )}
          {offer.script && <Script text={offer.script} values={values(offer)} t={t} />}
          <div class="tb-row" role="group" aria-label={t('crossSellMark')}>
            {offer.status !== 'new' && <span class="tb-tag">{t(offer.status === 'offered' ? 'offerOffered' : 'offerDeclined')}</span>}
            <button class="tb-button" type="button" onClick={() => void model.markOffer(offer.ruleId, 'offered')}>
              {t('offerOffered')}
            </button>
            <button class="tb-button" type="button" onClick={() => void model.markOffer(offer.ruleId, 'accepted')}>
              {t('offerAccepted')}
            </button>
            <button class="tb-button" type="button" onClick={() => void model.markOffer(offer.ruleId, 'declined')}>
              {t('offerDeclined')}
            </button>
          </div>
        </article>
      ))}
    </section>
  );
}
