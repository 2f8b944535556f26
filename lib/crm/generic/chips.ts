import type { RecordContext } from '../dom/context';
import { visibleText } from '../dom/read';
import type { SnapshotDraft } from '../draft';
import { fieldForLabel } from '../labels';

/**
 * Chips (Material UI's `MuiChip`, badges, pills): component-kit CRMs show a record's status as a
 * chip beside its name and its tags as chips under a "Tags" heading, with no label/value markup.
 * A chip is a tag or the stage by the heading or label before it; with none, a chip in the
 * record's header block (beside the name) is its status. Action chips ("Add tag") are not values.
 */
const ACTION = /^(\+|add\b|new\b|добав|додат|νέ|προσθ|hinzu|ajout|añad|dodaj|adicion)/i;
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export function readChips(chips: readonly Element[], context: RecordContext, heading: Element | null, draft: SnapshotDraft): void {
  const tags: string[] = [];
  const header = heading?.parentElement?.parentElement ?? null;
  for (const chip of chips) {
    if (!context.includes(chip) || chips.includes(chip.parentElement!)) continue;
    const text = visibleText(chip, 61);
    if (!text || text.length > 60 || ACTION.test(text) || !/\p{L}/u.test(text)) continue;
    const field = sectionField(chip);
    if (field === 'tags') tags.push(text);
    else if (field === 'stage' || (field === null && header?.contains(chip))) draft.offer('stage', text, 'heading', 0.55);
  }
  draft.add('tags', tags, 'label', 0.6);
}

/**
 * The field named by the nearest label or heading before the chip (climbing out of its wrappers):
 * "tags", "stage", another field, or null when there is none. A heading naming something else
 * ("Tasks") ends the search, so a chip in another section is not taken for a tag.
 */
function sectionField(chip: Element): string | null {
  let anchor: Element = chip;
  for (let level = 0; level < 3 && anchor.parentElement; level += 1, anchor = anchor.parentElement) {
    let looked = 0;
    for (let before = anchor.previousElementSibling; before && looked < 20; before = before.previousElementSibling, looked += 1) {
      const isHeading = HEADING_TAGS.has(before.localName);
      const text = isHeading || before.firstElementChild === null ? visibleText(before, 41) : '';
      const field = text && text.length <= 40 ? fieldForLabel(text)?.field : undefined;
      if (field) return field;
      if (isHeading) return 'other';
    }
  }
  return null;
}
