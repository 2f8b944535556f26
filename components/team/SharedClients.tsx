import type { MessageKey, Translate } from '../../lib/i18n';
import type { SharedClientRow } from '../../lib/team/team-view';
import { dateTimeFormat } from '../../lib/i18n/date-format';

const OUTCOME_LABEL: Record<SharedClientRow['last']['outcome'], MessageKey> = {
  reached: 'outcomeReached',
  'no-answer': 'outcomeNoAnswer',
  rescheduled: 'outcomeRescheduled',
  'not-interested': 'outcomeNotInterested',
};

/**
 * A shared client base (only when the team's policy sends client outcomes): per CRM record, who
 * touched the client in the period and the latest outcome, the clients more than one manager
 * touched first.
 */
export function SharedClients({ rows, t, locale }: { rows: readonly SharedClientRow[]; t: Translate; locale: string }) {
  const date = dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section class="tb-card" aria-labelledby="team-clients-title">
      <h2 id="team-clients-title">{t('teamClientsTitle')}</h2>
      {rows.length === 0 ? (
        <p class="tb-muted">{t('teamClientsNone')}</p>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <table data-testid="team-clients">
            <thead>
              <tr>
                <th scope="col">{t('teamColClient')}</th>
                <th scope="col">{t('teamColTouches')}</th>
                <th scope="col">{t('teamColManagers')}</th>
                <th scope="col">{t('teamColLastOutcome')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr data-record={row.record}>
                  <th scope="row">
                    <code>{row.record}</code>
                  </th>
                  <td data-col="touches">{row.touches}</td>
                  <td data-col="managers">{row.managers.map((manager) => manager.managerName).join(', ')}</td>
                  <td data-col="last">
                    {t('teamLastOutcome', { outcome: t(OUTCOME_LABEL[row.last.outcome]), manager: row.last.managerName, time: date.format(row.last.at) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
