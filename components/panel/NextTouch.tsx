import { useSignal } from '@preact/signals';
import type { PlaceholderValues } from '../../lib/book/placeholders';
import { touchScript } from '../../lib/panel/script-context';
import type { TouchOutcome, TouchRecord } from '../../lib/db/schema';
import type { MessageKey, Translate } from '../../lib/i18n';
import { addDuration } from '../../lib/lifecycle/time';
import type { ClientPanelModel } from '../../lib/panel/client-model';
import { CHANNEL_LABELS } from '../DueList';
import { purchaseMoney } from '../../lib/panel/purchase-money';
import { formText, formTime } from './form-value';
import { Script } from './Script';
import { dateTimeFormat } from '../../lib/i18n/date-format';

const OUTCOMES: Array<[TouchOutcome, MessageKey]> = [
  ['reached', 'outcomeReached'],
  ['no-answer', 'outcomeNoAnswer'],
  ['rescheduled', 'outcomeRescheduled'],
  ['not-interested', 'outcomeNotInterested'],
];

type Panel = 'done' | 'snooze' | 'skip' | 'callback' | 'purchase' | null;

function TouchScript({ touch, values, t }: { touch: TouchRecord; values: PlaceholderValues; t: Translate }) {
  return <Script text={touchScript(touch, values)} values={values} t={t} />;
}

/** The next touch: what to do, who, how, when, why, the script, and the actions on it. */
export function NextTouch({
  model,
  t,
  locale,
  values,
}: {
  model: ClientPanelModel;
  t: Translate;
  locale: string;
  values: (touch: TouchRecord) => PlaceholderValues;
}) {
  const touch = model.next.value;
  const plan = model.plan.value;
  const open = useSignal<Panel>(null);
  const format = (at: number) => dateTimeFormat(locale, { timeZone: plan?.timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(at);

  return (
    <section class="tb-stack" aria-labelledby="next-title" aria-busy={!model.ready.value} data-testid="next-touch">
      <h2 id="next-title">{t('nextTouchTitle')}</h2>
      {model.retryOffer.value && (
        <div class="tb-notice tb-row" role="status">
          <span>{t('touchRetryOffer', { time: format(model.retryOffer.value.dueAt) })}</span>
          <button class="tb-button" type="button" onClick={() => void model.acceptRetry()}>
            {t('touchRetryAccept')}
          </button>
          <button class="tb-button" type="button" onClick={() => model.dismissRetry()}>
            {t('touchCancel')}
          </button>
        </div>
      )}
      {!model.ready.value ? (
        <p class="tb-muted" role="status" data-testid="touch-loading">
          {t('panelLoadingClient')}
        </p>
      ) : !touch ? (
        <p class="tb-muted" data-testid="no-touch">
          {t('nextTouchNone')}
        </p>
      ) : (
        <article class="tb-card tb-stack" data-touch-id={touch.id}>
          <p class="tb-goal" data-testid="touch-goal">
            {touch.goal}
          </p>
          <p class="tb-muted">
            {CHANNEL_LABELS[touch.channel] ? t(CHANNEL_LABELS[touch.channel]!) : touch.channel} · {touch.role} ·{' '}
            <span class={touch.state === 'due' && touch.dueAt < Date.now() ? 'tb-overdue' : undefined} data-testid="touch-due">
              {touch.state === 'due' ? t('nextTouchDueSince', { time: format(touch.dueAt) }) : t('touchDue', { time: format(touch.dueAt) })}
            </span>
          </p>
          <p class="tb-muted tb-why">{t('nextTouchWhy', { programme: touch.programmeName || touch.programmeId })}</p>
          <TouchScript touch={touch} values={values(touch)} t={t} />
          <div class="tb-row" role="group" aria-label={t('nextTouchActions')}>
            {(
              [
                ['done', 'touchDone'],
                ['snooze', 'touchSnooze'],
                ['skip', 'touchSkip'],
              ] as const
            ).map(([key, label]) => (
              <button
                class={`tb-button${key === 'done' ? ' primary' : ''}`}
                type="button"
                aria-expanded={open.value === key}
                data-testid={`touch-${key}`}
                onClick={() => (open.value = open.value === key ? null : key)}
              >
                {t(label)}
              </button>
            ))}
          </div>
          {open.value === 'done' && <DoneForm touch={touch} model={model} t={t} onClose={() => (open.value = null)} />}
          {open.value === 'snooze' && <SnoozeForm touch={touch} model={model} t={t} onClose={() => (open.value = null)} />}
          {open.value === 'skip' && <SkipForm touch={touch} model={model} t={t} onClose={() => (open.value = null)} />}
        </article>
      )}
      <div class="tb-row">
        <button class="tb-button" type="button" aria-expanded={open.value === 'callback'} onClick={() => (open.value = open.value === 'callback' ? null : 'callback')}>
          {t('callbackAction')}
        </button>
        <button class="tb-button" type="button" aria-expanded={open.value === 'purchase'} data-testid="purchase-toggle" onClick={() => (open.value = open.value === 'purchase' ? null : 'purchase')}>
          {t('purchaseAction')}
        </button>
      </div>
      {open.value === 'callback' && <CallbackForm model={model} t={t} onClose={() => (open.value = null)} />}
      {open.value === 'purchase' && <PurchaseForm model={model} t={t} onClose={() => (open.value = null)} />}
      {model.following.value.length > 0 && (
        <details data-testid="following-touches">
          <summary>{t('nextTouchFollowing', { count: model.following.value.length })}</summary>
          <ul class="tb-plain-list">
            {model.following.value.map((later) => (
              <li>
                {format(later.dueAt)} — {later.goal}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function DoneForm({ touch, model, t, onClose }: { touch: TouchRecord; model: ClientPanelModel; t: Translate; onClose: () => void }) {
  return (
    <form
      class="tb-stack"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const outcome = (formText(data, 'outcome') || 'reached') as TouchOutcome;
        const note = formText(data, 'note');
        void model.done(touch.id, outcome, note || null);
        onClose();
      }}
    >
      <fieldset class="tb-row">
        <legend>{t('touchOutcome')}</legend>
        {OUTCOMES.map(([value, label], index) => (
          <label>
            <input type="radio" name="outcome" value={value} defaultChecked={index === 0} /> {t(label)}
          </label>
        ))}
      </fieldset>
      <label class="tb-field">
        <span>{t('touchNote')}</span>
        <textarea class="tb-input" name="note" rows={2} />
      </label>
      <div class="tb-row">
        <button class="tb-button primary" type="submit" data-testid="touch-done-save">
          {t('touchSave')}
        </button>
        <button class="tb-button" type="button" onClick={onClose}>
          {t('touchCancel')}
        </button>
      </div>
    </form>
  );
}

function SnoozeForm({ touch, model, t, onClose }: { touch: TouchRecord; model: ClientPanelModel; t: Translate; onClose: () => void }) {
  const snooze = (until: number) => {
    void model.snooze(touch.id, until);
    onClose();
  };
  return (
    <form
      class="tb-row"
      onSubmit={(event) => {
        event.preventDefault();
        const until = formTime(new FormData(event.currentTarget), 'until');
        if (Number.isFinite(until)) snooze(until);
      }}
    >
      <button class="tb-button" type="button" onClick={() => snooze(Date.now() + 3_600_000)}>
        {t('touchSnoozeHour')}
      </button>
      {/* A calendar day in the manager's time zone: 10:00 stays 10:00 across a clock change. */}
      <button class="tb-button" type="button" onClick={() => snooze(addDuration(Date.now(), 'P1D', model.plan.value?.timeZone ?? 'UTC'))}>
        {t('touchSnoozeTomorrow')}
      </button>
      <input class="tb-input" type="datetime-local" name="until" required aria-label={t('touchSnoozePick')} />
      <button class="tb-button" type="submit">
        {t('touchSave')}
      </button>
    </form>
  );
}

function SkipForm({ touch, model, t, onClose }: { touch: TouchRecord; model: ClientPanelModel; t: Translate; onClose: () => void }) {
  return (
    <form
      class="tb-row"
      onSubmit={(event) => {
        event.preventDefault();
        const reason = formText(new FormData(event.currentTarget), 'reason');
        if (!reason) return;
        void model.skip(touch.id, reason);
        onClose();
      }}
    >
      <input class="tb-input" name="reason" required placeholder={t('touchSkipReason')} aria-label={t('touchSkipReason')} />
      <button class="tb-button" type="submit">
        {t('touchSkip')}
      </button>
    </form>
  );
}

function CallbackForm({ model, t, onClose }: { model: ClientPanelModel; t: Translate; onClose: () => void }) {
  return (
    <form
      class="tb-stack tb-card"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const at = formTime(data, 'at');
        const note = formText(data, 'note');
        if (!Number.isFinite(at)) return;
        void model.requestCallback(at, note || null);
        onClose();
      }}
    >
      <label class="tb-field">
        <span>{t('callbackWhen')}</span>
        <input class="tb-input" type="datetime-local" name="at" required />
      </label>
      <label class="tb-field">
        <span>{t('touchNote')}</span>
        <input class="tb-input" name="note" />
      </label>
      <button class="tb-button primary" type="submit">
        {t('touchSave')}
      </button>
    </form>
  );
}

function PurchaseForm({ model, t, onClose }: { model: ClientPanelModel; t: Translate; onClose: () => void }) {
  const moneyProblem = useSignal(false);
  return (
    <form
      class="tb-stack tb-card"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const product = formText(data, 'product');
        const category = formText(data, 'category');
        const date = formTime(data, 'date', 'T12:00:00'); // midday: the same date in any time zone
        const money = purchaseMoney(formText(data, 'amount'), formText(data, 'currency'));
        moneyProblem.value = money === undefined;
        if (!product || !Number.isFinite(date) || money === undefined) return;
        void model.recordPurchase(product, category || null, date, money);
        onClose();
      }}
    >
      <label class="tb-field">
        <span>{t('purchaseProduct')}</span>
        <input class="tb-input" name="product" required />
      </label>
      <label class="tb-field">
        <span>{t('purchaseCategory')}</span>
        <input class="tb-input" name="category" />
      </label>
      <label class="tb-field">
        <span>{t('purchaseDate')}</span>
        <input class="tb-input" type="date" name="date" required />
      </label>
      <div class="tb-row">
        <label class="tb-field">
          <span>{t('purchaseAmount')}</span>
          <input class="tb-input" name="amount" inputMode="decimal" pattern="-?[0-9 .,]*" data-testid="purchase-amount" />
        </label>
        <label class="tb-field">
          <span>{t('purchaseCurrency')}</span>
          <input
            class="tb-input"
            name="currency"
            size={4}
            maxLength={3}
            pattern="[A-Za-z]{3}"
            defaultValue={model.client.value?.amount?.currency ?? ''}
            data-testid="purchase-currency"
          />
        </label>
      </div>
      {moneyProblem.value && (
        <p class="tb-error" role="alert">
          {t('purchaseAmountInvalid')}
        </p>
      )}
      <button class="tb-button primary" type="submit">
        {t('touchSave')}
      </button>
    </form>
  );
}
