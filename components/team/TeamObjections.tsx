import type { Translate } from '../../lib/i18n';
import type { TeamObjection } from '../../lib/team/team-view';

/** The team's unanswered objections, most heard first, each one click from a book entry draft. */
export function TeamObjections({
  objections,
  draft,
  onDraft,
  t,
}: {
  objections: readonly TeamObjection[];
  draft: { text: string; json: string; copied: boolean } | null;
  onDraft: (text: string) => void;
  t: Translate;
}) {
  return (
    <section class="tb-card tb-stack" aria-labelledby="team-objections-title">
      <h2 id="team-objections-title">{t('teamObjectionsTitle')}</h2>
      {objections.length === 0 ? (
        <p class="tb-muted">{t('teamObjectionsNone')}</p>
      ) : (
        <ol class="tb-list" data-testid="team-objections">
          {objections.map((objection) => (
            <li>
              <span>
                <strong>{objection.text}</strong> <span class="tb-muted">{t('teamObjectionHeard', { count: objection.count, managers: objection.managers })}</span>
              </span>
              <button class="tb-button" type="button" onClick={() => onDraft(objection.text)}>
                {t('teamDraftEntry')}
              </button>
            </li>
          ))}
        </ol>
      )}
      {draft !== null ? (
        <div class="tb-stack" data-testid="team-draft">
          {draft.copied ? <p role="status">{t('teamDraftCopied')}</p> : null}
          <textarea class="tb-input" readOnly rows={8} style={{ width: '100%', fontFamily: 'monospace' }} value={draft.json} />
        </div>
      ) : null}
    </section>
  );
}
