import { pickerTranslator, type PickerMessageKey } from './texts';
import type { ContentMessage, ReplyTo } from '../messages';
import { TEACHABLE_FIELDS, type TeachableField } from '../sites/mappings';
import { startPicker } from './picker';
import { showToast } from './toast';

const FIELD_LABELS: Record<TeachableField, PickerMessageKey> = {
  name: 'fieldName',
  phones: 'fieldPhone',
  emails: 'fieldEmail',
  company: 'fieldCompany',
  jobTitle: 'fieldJobTitle',
  stage: 'fieldStage',
  amount: 'fieldAmount',
  birthday: 'fieldBirthday',
  owner: 'fieldOwner',
  tags: 'fieldTags',
  nextContact: 'fieldNextContact',
  lastPurchase: 'fieldLastPurchase',
};

type Send = <M extends ContentMessage>(message: M) => Promise<ReplyTo<M>>;

/** Starts the picker in the manager's language; each pick is saved as a mapping for this CRM. */
export async function startTeaching(options: {
  doc: Document;
  send: Send;
  signal: AbortSignal;
  describe: (element: Element) => { selector?: string; label?: string };
}): Promise<void> {
  const context = await options.send({ type: 'cs/teach.context' });
  const t = pickerTranslator(context.ok ? context.data.messages : null);
  const save = async (field: TeachableField, place: { selector?: string; label?: string }) => {
    const reply = await options.send({ type: 'cs/teach', mapping: { field, ...place } });
    if (!reply.ok) throw new Error(reply.error);
  };

  const selectionField = context.ok ? context.data.selectionField : null;
  if (selectionField) {
    const selected = selectedElement(options.doc);
    if (!selected) return showToast(options.doc, t('teachNoSelection'));
    try {
      await save(selectionField, options.describe(selected));
    } catch (error) {
      // The menu click has no other place to say it failed: without this, nothing happens at all.
      return showToast(options.doc, t('errorGeneric', { error: error instanceof Error ? error.message : String(error) }));
    }
    return showToast(options.doc, t('teachSavedAs', { field: t(FIELD_LABELS[selectionField]) }));
  }

  const pickField = context.ok ? context.data.pickField : null;
  const picker = startPicker<TeachableField>({
    doc: options.doc,
    ...(pickField ? { preset: { field: pickField, hint: t('teachPickHint', { field: t(FIELD_LABELS[pickField]) }) } } : {}),
    fields: TEACHABLE_FIELDS.map((id) => ({ id, label: t(FIELD_LABELS[id]) })),
    text: {
      hint: t('teachHint'),
      cancel: t('teachDone'),
      whatIsThis: t('teachWhatIsThis'),
      saved: t('teachSaved'),
      failed: (error) => t('errorGeneric', { error }),
    },
    describe: options.describe,
    onPick: ({ field, selector, label }) => save(field, { ...(selector ? { selector } : {}), ...(label ? { label } : {}) }),
  });
  options.signal.addEventListener('abort', picker.stop, { once: true });
}

/** The element holding the start of the page's text selection, if there is one. */
function selectedElement(doc: Document): Element | null {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || !selection.anchorNode) return null;
  const node = selection.anchorNode;
  return node instanceof Element ? node : node.parentElement;
}
