import { useSignal } from '@preact/signals';
import type { DueTouchView } from '../lib/background/lifecycle-service';
import type { MessageKey, Translate } from '../lib/i18n';
import type { DueModel } from '../lib/popup/due-model';
import { EmptyState } from './EmptyState';
import { formTime } from './panel/form-value';

export const CHANNEL_LABELS: Record<string, MessageKey> = {
  call: 'channelCall',
  meeting: 'channelMeeting',
  email: 'channelEmail',
  sms: 'channelSms',
  messenger: 'channelMessenger',
};

/** The popup's due and overdue touches: who, why, how and when, with the quick actions. */
export function DueList({
  model,
  t,
  locale,
  onOpenClient,
}: {
  model: DueModel;
  t: Translate;
  locale: string;
  onOpenClient: (item: DueTouchView) => void;
}) {
  const list = model.list.value;
  if (!list) return null;
  const { overdue, today } = model.groups.value;
  const time = new Intl.DateTimeFormat(locale, { timeZone: list.timeZone, dateStyle: 'short', timeStyle: 'short' });
  return (
    <section aria-labelledby="due-title" class="tb-stack" data-testid="due-list">
      <h2 id="due-title">{t('popupDueTitle')}</h2>
      {model.problem.value && (
        <p class="tb-error" role="alert">
          {t('errorGeneric', { error: model.problem.value })}
        </p>
      )}
      {list.items.length === 0 && <EmptyState title={t('popupNoDue')} />}
      {[
        ['overdue', t('touchOverdue'), overdue],
        ['today', t('touchToday'), today],
      ].map(([key, title, items]) =>
        (items as DueTouchView[]).length === 0 ? null : (
          <section aria-label={title as string} class="tb-stack" data-testid={`due-${key as string}`}>
            <h3 class={key === 'overdue' ? 'tb-overdue' : undefined}>{title as string}</h3>
            <ul class="tb-touches">
              {(items as DueTouchView[]).map((item) => (
                <DueItem key={item.touch.id} item={item} model={model} t={t} when={time.format(item.touch.dueAt)} onOpen={() => onOpenClient(item)} />
              ))}
            </ul>
          </section>
        ),
      )}
    </section>
  );
}

function DueItem({
  item,
  model,
  t,
  when,
  onOpen,
}: {
  item: DueTouchView;
  model: DueModel;
  t: Translate;
  when: string;
  onOpen: () => void;
}) {
  const picking = useSignal(false);
  const { touch, client } = item;
  const channel = CHANNEL_LABELS[touch.channel];
  return (
    <li class="tb-touch" data-testid="due-touch">
      <div>
        <strong data-testid="due-client">{client.name}</strong>
        {item.callList?.group && (
          <>
            {' '}
            <span class="tb-tag" data-testid="due-group" title={`${item.callList.segmentName}: ${item.callList.group.name}`}>
              {item.callList.group.id}
            </span>
          </>
        )}
        {client.company && <span class="tb-muted"> · {client.company}</span>}
      </div>
      <div data-testid="due-goal">{touch.goal}</div>
      <div class="tb-muted">
        {channel ? t(channel) : touch.channel} · {touch.role} · {t('touchDue', { time: when })}
      </div>
      <div class="tb-row">
        <button class="tb-button primary" type="button" onClick={() => void model.done(touch.id)} data-testid="due-done">
          {t('touchDone')}
        </button>
        <button class="tb-button" type="button" onClick={() => void model.snoozeFor(touch.id, 3_600_000)}>
          {t('touchSnoozeHour')}
        </button>
        <button class="tb-button" type="button" onClick={() => void model.snoozeTomorrow(touch.id)}>
          {t('touchSnoozeTomorrow')}
        </button>
        <button class="tb-button" type="button" aria-expanded={picking.value} onClick={() => (picking.value = !picking.value)}>
          {t('touchSnoozePick')}
        </button>
        {client.url && (
          <button class="tb-button" type="button" onClick={onOpen}>
            {t('touchOpenClient')}
          </button>
        )}
      </div>
      {picking.value && (
        <form
          class="tb-row"
          onSubmit={(event) => {
            event.preventDefault();
            const until = formTime(new FormData(event.currentTarget), 'until');
            if (Number.isFinite(until)) void model.snoozeUntil(touch.id, until);
            picking.value = false;
          }}
        >
          <input class="tb-input" type="datetime-local" name="until" required aria-label={t('touchSnoozePick')} />
          <button class="tb-button" type="submit">
            {t('touchSave')}
          </button>
        </form>
      )}
    </li>
  );
}
