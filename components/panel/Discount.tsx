import { useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n';
import type { ClientPanelModel } from '../../lib/panel/client-model';
import { formText } from './form-value';
import { dateTimeFormat } from '../../lib/i18n/date-format';

/**
 * The client's second-purchase discount: what was granted and until when. Recorded here, it
 * fills the scripts' {{discount.*}} and sets the expiry reminder; read from the card, it says so.
 */
export function DiscountField({ model, t, locale }: { model: ClientPanelModel; t: Translate; locale: string }) {
  const [editing, setEditing] = useState(false);
  const client = model.client.value;
  if (!client) return null;
  const discount = client.discount ?? null;

  if (editing) {
    return (
      <form
        class="tb-row tb-card"
        data-testid="discount-form"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const amount = formText(data, 'amount');
          if (!amount) return;
          void model.setDiscount({ amount, until: formText(data, 'until') || null });
          setEditing(false);
        }}
      >
        <label class="tb-inline-field">
          <span>{t('discountAmount')}</span>
          <input class="tb-input" name="amount" required maxLength={40} placeholder="10%" value={discount?.amount ?? ''} data-testid="discount-amount" />
        </label>
        <label class="tb-inline-field">
          <span>{t('discountUntil')}</span>
          <input class="tb-input" type="date" name="until" value={discount?.until ?? ''} data-testid="discount-until" />
        </label>
        <button class="tb-button primary" type="submit" data-testid="discount-save">
          {t('touchSave')}
        </button>
        <button class="tb-button" type="button" onClick={() => setEditing(false)}>
          {t('discountCancel')}
        </button>
      </form>
    );
  }

  return (
    <div class="tb-row" data-testid="discount">
      <span class="tb-muted">{t('discountLabel')}:</span>
      <span data-testid="discount-value">
        {discount
          ? discount.until
            ? t('discountValueUntil', { amount: discount.amount, until: formatDay(discount.until, locale) })
            : discount.amount
          : t('discountNone')}
      </span>
      {discount?.source === 'card' && <span class="tb-tag">{t('discountFromCard')}</span>}
      <button class="tb-button" type="button" onClick={() => setEditing(true)} data-testid="discount-edit">
        {discount ? t('discountChange') : t('discountGrant')}
      </button>
      {discount && (
        <button class="tb-button" type="button" onClick={() => void model.setDiscount(null)} data-testid="discount-clear">
          {t('discountClear')}
        </button>
      )}
    </div>
  );
}

/** "2026-04-20" as the manager reads a date; the day itself, whatever the time zone. */
function formatDay(day: string, locale: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  try {
    return dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
  } catch {
    return day;
  }
}
