import { BUYER_TYPE_IDS } from '../../lib/book/constants';
import type { BuyerTypeId } from '../../lib/book/schema';
import type { MessageKey, Translate } from '../../lib/i18n';
import type { ClientPanelModel } from '../../lib/panel/client-model';
import type { RiskReason } from '../../lib/suggest/profile';
import { readerName } from '../../lib/crm/reader-names';
import { ClientCard } from '../ClientCard';
import { DiscountField } from './Discount';
import { BuyerTypeIdeas } from './Ideas';

const RISK_LABELS: Record<'low' | 'medium' | 'high', MessageKey> = { low: 'riskLow', medium: 'riskMedium', high: 'riskHigh' };
const REASON_LABELS: Record<RiskReason['code'], MessageKey> = {
  'lost-stage': 'riskLostStage',
  'churn-reason': 'riskChurnReason',
  'no-recent-purchase': 'riskNoRecentPurchase',
  'buyer-type': 'riskBuyerType',
  'missed-touches': 'riskMissedTouches',
  'not-interested': 'riskNotInterested',
};
const ORIGIN_LABELS: Record<string, MessageKey> = {
  adapter: 'readViaAdapter',
  structured: 'readViaStructured',
  link: 'readViaLink',
  heading: 'readViaHeading',
  label: 'readViaLabel',
  taught: 'readViaTaught',
  text: 'readViaText',
};

/** Who the client is, what Touchbook read and from where, and the manager's view of them. */
export function ClientHeader({ model, t, locale, onTeach }: { model: ClientPanelModel; t: Translate; locale: string; onTeach: () => void }) {
  const client = model.client.value;
  if (!client) return null;
  const risk = model.risk.value;
  const book = model.book.value;
  const profile = model.profile.value;
  const provenance = client.lastSnapshot.provenance;
  // The programmes the churn reason started, by name, so the manager knows why new touches came.
  const started = (profile?.programmeIds ?? []).flatMap((id) => book?.programmes.find((programme) => programme.id === id)?.name ?? []);
  return (
    <div class="tb-stack">
      <ClientCard client={client} t={t} />
      <div class="tb-row">
        {model.segments.value.map((placement) => (
          <span class="tb-tag" data-testid="client-segment" data-segment-id={placement.segment.id} title={placement.group.name}>
            {placement.segment.name}: {placement.group.id}
          </span>
        ))}
        {risk && (
          <span class={`tb-tag tb-risk-${risk.level}`} data-testid="churn-risk" title={risk.reasons.map((reason) => t(REASON_LABELS[reason.code])).join('; ')}>
            {t(RISK_LABELS[risk.level])}
          </span>
        )}
        <label class="tb-inline-field">
          <span>{t('buyerTypeLabel')}</span>
          <select
            class="tb-input"
            data-testid="buyer-type"
            value={client.buyerType ?? ''}
            onChange={(event) => void model.setProfile({ buyerType: (event.currentTarget.value || null) as BuyerTypeId | null })}
          >
            <option value="">—</option>
            {BUYER_TYPE_IDS.map((id) => (
              <option value={id}>{book?.buyerTypes.find((type) => type.id === id)?.name ?? id}</option>
            ))}
          </select>
        </label>
        <label class="tb-inline-field">
          <span>{t('churnReasonLabel')}</span>
          <select
            class="tb-input"
            data-testid="churn-reason"
            value={client.churnReason ?? ''}
            onChange={(event) => void model.setProfile({ churnReason: event.currentTarget.value || null })}
          >
            <option value="">—</option>
            {book?.churnReasons.map((reason) => (
              <option value={reason.id}>{reason.share === undefined ? reason.reason : t('churnReasonShare', { reason: reason.reason, share: reason.share })}</option>
            ))}
          </select>
        </label>
      </div>
      {profile?.buyerType && <p class="tb-muted">{profile.buyerType.howToWork}</p>}
      <BuyerTypeIdeas model={model} t={t} />
      {profile?.churnReason && (
        <div class="tb-notice" data-testid="churn-advice">
          <p>{profile.churnReason.response}</p>
          {started.length > 0 && <p class="tb-small-text" data-testid="churn-programmes">{t('churnStarted', { programmes: started.join(', ') })}</p>}
        </div>
      )}
      <DiscountField model={model} t={t} locale={locale} />
      <details data-testid="what-was-read">
        <summary>{t('whatWasRead')}</summary>
        <p class="tb-small-text" data-testid="read-by">
          {readBy(client.lastSnapshot.source, book, t)}
        </p>
        {(client.lastSnapshot.readingProblems ?? []).length > 0 && (
          <div class="tb-notice" data-testid="reading-problems">
            <p>{t('readingProblems')}</p>
            <ul class="tb-small-text">
              {client.lastSnapshot.readingProblems!.map((problem) => (
                <li>{problem}</li>
              ))}
            </ul>
          </div>
        )}
        <dl class="tb-fields">
          {Object.entries(provenance).map(([field, origin]) => (
            <>
              <dt>{field}</dt>
              <dd>
                {ORIGIN_LABELS[origin.via] ? t(ORIGIN_LABELS[origin.via]!) : origin.via} · {Math.round(origin.confidence * 100)}%
              </dd>
            </>
          ))}
        </dl>
        {client.lastSnapshot.fields.length > 0 && (
          <dl class="tb-fields tb-small-text">
            {client.lastSnapshot.fields.slice(0, 40).map((pair) => (
              <>
                <dt>{pair.label}</dt>
                <dd>{pair.value}</dd>
              </>
            ))}
          </dl>
        )}
        <div class="tb-row">
          <button class="tb-button" type="button" onClick={onTeach} data-testid="teach-field">
            {t('panelTeach')}
          </button>
          <span class="tb-muted">{t('notThisClient')}</span>
        </div>
      </details>
    </div>
  );
}

/** "Read by HubSpot's adapter", "... the book's profile Acme CRM", or "... the generic reader". */
function readBy(source: string, book: { crmAdapters?: ReadonlyArray<{ id: string; name: string }> } | null | undefined, t: Translate): string {
  const reader = readerName(source);
  if (reader.kind === 'generic') return t('readByGeneric');
  if (reader.kind === 'adapter') return t('readByAdapter', { crm: reader.name });
  const profile = book?.crmAdapters?.find((candidate) => candidate.id === reader.profile);
  return t('readByBookProfile', { profile: profile?.name ?? reader.profile });
}
