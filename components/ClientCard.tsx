import type { ClientRecord } from '../lib/db/schema';
import type { Translate } from '../lib/i18n';

/** The client the page shows. Every value is page text, so it is rendered as text only. */
export function ClientCard({ client, t }: { client: ClientRecord; t: Translate }) {
  const rows: Array<[string, string | null]> = [
    [t('fieldCompany'), client.company],
    [t('fieldJobTitle'), client.jobTitle],
    [t('fieldStage'), client.stage],
    [t('fieldOwner'), client.owner],
  ];
  return (
    <section class="tb-card" aria-labelledby="client-name" data-testid="client-card">
      <h1 id="client-name" data-testid="client-name">
        {client.name}
      </h1>
      <dl class="tb-fields">
        {client.phones.map((phone) => (
          <>
            <dt>{t('fieldPhone')}</dt>
            <dd data-testid="client-phone">
              <a href={`tel:${phone.e164 ?? phone.raw}`}>{phone.raw}</a>
            </dd>
          </>
        ))}
        {client.emails.map((email) => (
          <>
            <dt>{t('fieldEmail')}</dt>
            <dd data-testid="client-email">
              <a href={`mailto:${email}`}>{email}</a>
            </dd>
          </>
        ))}
        {rows
          .filter((row): row is [string, string] => row[1] !== null)
          .map(([label, value]) => (
            <>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </>
          ))}
        {client.tags.length > 0 && (
          <>
            <dt>{t('fieldTags')}</dt>
            <dd>
              {client.tags.map((tag) => (
                <span class="tb-tag">{tag}</span>
              ))}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
