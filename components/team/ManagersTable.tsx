import type { Translate } from '../../lib/i18n';
import type { ManagerRow } from '../../lib/team/team-view';

/** One row per manager: done vs due, overdue, repeat share, TOP-50 movement, plan progress. */
export function ManagersTable({ rows, t, locale }: { rows: readonly ManagerRow[]; t: Translate; locale: string }) {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <section class="tb-card" aria-labelledby="team-managers-title">
      <h2 id="team-managers-title">{t('teamManagersTitle')}</h2>
      {rows.length === 0 ? (
        <p class="tb-muted" data-testid="team-no-managers">
          {t('teamNoManagers')}
        </p>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <table data-testid="team-managers">
            <thead>
              <tr>
                <th scope="col">{t('teamColManager')}</th>
                <th scope="col">{t('teamColDoneDue')}</th>
                <th scope="col">{t('teamColOverdue')}</th>
                <th scope="col">{t('teamColRepeatShare')}</th>
                <th scope="col">{t('teamColTop')}</th>
                <th scope="col">{t('teamColPlan')}</th>
                <th scope="col">{t('teamColLastDay')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr data-manager={row.managerId}>
                  <th scope="row">{row.managerName}</th>
                  <td data-col="done-due">
                    {row.done} / {row.due}
                  </td>
                  <td data-col="overdue">{row.overdue}</td>
                  <td data-col="repeat">{row.repeat.map((money) => `${money.currency} ${money.share === null ? '—' : percent.format(money.share)}`).join(' · ') || '—'}</td>
                  <td data-col="top">
                    {row.top === null
                      ? t('teamNotShared')
                      : row.top.map((list) => t('teamTopMovement', { currency: list.currency, entered: list.entered, dropped: list.dropped, size: list.size })).join(' · ') || '—'}
                  </td>
                  <td data-col="plan">
                    {row.plans
                      .map((plan) =>
                        t('teamPlanProgress', {
                          currency: plan.currency,
                          percent: plan.plan > 0 ? percent.format(plan.actual / plan.plan) : '—',
                          elapsed: percent.format(plan.monthElapsed),
                        }),
                      )
                      .join(' · ') || '—'}
                  </td>
                  <td data-col="last-day">{row.lastDay}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
