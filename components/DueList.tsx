import { useSignal, type Signal } from '@preact/signals';
import type { DueTouchView } from '../lib/background/lifecycle-service';
import type { MessageKey, Translate } from '../lib/i18n';
import type { DueModel } from '../lib/popup/due-model';
import { handOverText } from '../lib/roles/routing';
import { EmptyState } from './EmptyState';
import { formTime } from './panel/form-value';
import { dateTimeFormat } from '../lib/i18n/date-format';

export const CHANNEL_LABELS: Record<string, MessageKey> = {
  call: 'channelCall',
  meeting: 'channelMeeting',
  email: 'channelEmail',
  sms: 'channelSms',
  messenger: 'channelMessenger',
};

/** What was last copied as a task, shown so the manager sees it (and can copy it by hand). */
interface HandOverNotice {
  text: string;
  copied: boolean;
}

/**
 * The popup's due and overdue touches: who, why, how and when, with the quick actions. The
 * manager's own come first; other roles' touches follow under their role, to hand over.
 */
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
  const notice = useSignal<HandOverNotice | null>(null);
  const { overdue, today, others, handedOver } = model.groups.value;
  const time = dateTimeFormat(locale, { timeZone: list.timeZone, dateStyle: 'short', timeStyle: 'short' });
  return (
    <section aria-labelledby="due-title" class="tb-stack" data-testid="due-list">
      <h2 id="due-title">{t('popupDueTitle')}</h2>
      {model.problem.value && (
        <p class="tb-error" role="alert">
          {t('errorGeneric', { error: model.problem.value })}
        </p>
      )}
      {list.items.length === 0 && <EmptyState title={t('popupNoDue')} />}
      {list.items.length > 0 && overdue.length === 0 && today.length === 0 && <p class="tb-muted" data-testid="due-none-own">{t('rolesNoOwnDue')}</p>}
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
      {notice.value && <HandOverNoticeView notice={notice.value} t={t} />}
      {others.map((group) => (
        <section aria-label={t('rolesForRole', { role: group.role })} class="tb-stack" data-testid="due-role" data-role-id={group.roleId} key={group.roleId}>
          <h3>{t('rolesForRole', { role: group.role })}</h3>
          <p class="tb-muted">{t('rolesOthersHint')}</p>
          <ul class="tb-touches">
            {group.items.map((item) => (
              <OtherRoleItem key={item.touch.id} item={item} model={model} t={t} when={time.format(item.touch.dueAt)} notice={notice} />
            ))}
          </ul>
        </section>
      ))}
      {handedOver.length > 0 && (
        <section aria-label={t('rolesHandedOverTitle')} class="tb-stack" data-testid="due-handed-over">
          <h3>{t('rolesHandedOverTitle')}</h3>
          <ul class="tb-touches">
            {handedOver.map((item) => (
              <li class="tb-touch" data-testid="due-touch" key={item.touch.id}>
                <TouchSummary item={item} t={t} when={time.format(item.touch.dueAt)} />
                <div class="tb-row">
                  <button class="tb-button" type="button" onClick={() => void model.handOver(item.touch.id, false)} data-testid="due-take-back">
                    {t('rolesTakeBack')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

function channelName(channel: string, t: Translate): string {
  const key = CHANNEL_LABELS[channel];
  return key ? t(key) : channel;
}

/** Who, why, how and when: the same lines for every touch in the list. */
function TouchSummary({ item, t, when }: { item: DueTouchView; t: Translate; when: string }) {
  const { touch, client } = item;
  return (
    <>
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
        {channelName(touch.channel, t)} · {touch.role} · {t('touchDue', { time: when })}
      </div>
    </>
  );
}

/** Another role's touch: copied as a task for the CRM, then it leaves the manager's reminders. */
function OtherRoleItem({ item, model, t, when, notice }: { item: DueTouchView; model: DueModel; t: Translate; when: string; notice: Signal<HandOverNotice | null> }) {
  const handOver = async () => {
    const text = handOverText(
      item,
      {
        client: t('handOverClient'),
        due: t('handOverDue'),
        performer: t('handOverPerformer'),
        channel: t('handOverChannel'),
        script: t('handOverScript'),
        link: t('handOverLink'),
      },
      { due: when, channel: channelName(item.touch.channel, t), script: item.handOverScript ?? '' },
    );
    // The clipboard can be refused (no focus, a policy); the text is then shown to copy by hand.
    const copied = await navigator.clipboard.writeText(text).then(
      () => true,
      () => false,
    );
    notice.value = { text, copied };
    await model.handOver(item.touch.id, true);
  };
  return (
    <li class="tb-touch" data-testid="due-touch">
      <TouchSummary item={item} t={t} when={when} />
      <div class="tb-row">
        <button class="tb-button" type="button" onClick={() => void handOver()} data-testid="due-hand-over">
          {t('rolesHandOver')}
        </button>
      </div>
    </li>
  );
}

function HandOverNoticeView({ notice, t }: { notice: HandOverNotice; t: Translate }) {
  return (
    <div class="tb-stack" role="status" data-testid="hand-over-notice">
      <p class={notice.copied ? 'tb-muted' : 'tb-error'}>{notice.copied ? t('rolesCopied') : t('rolesCopyFailed')}</p>
      <textarea class="tb-input" readOnly rows={6} value={notice.text} data-testid="hand-over-text" onFocus={(event) => event.currentTarget.select()} />
    </div>
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
  return (
    <li class="tb-touch" data-testid="due-touch">
      <TouchSummary item={item} t={t} when={when} />
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
