import { foldCase, normalizeLabel } from '../crm/text';
import type { ClientRecord } from '../db/schema';
import { type Gender, genderOfGreekName } from './holidays';

/**
 * Whether the client is a woman or a man, for greetings that only make sense for one (8 March).
 * The card's own field wins ("Gender: female", "Пол: ж"). Without one, Russian and Ukrainian
 * names say it clearly enough in most cases: the patronymic (-овна / -ович), the surname
 * (-ова / -ов) or the first name (-а / -я, with the male names that end that way set apart).
 * Anything unclear is null, and a greeting that needs the gender is not planned: congratulating
 * a man on 8 March is worse than a greeting that never came.
 */

const GENDER_LABELS = ['gender', 'sex', 'пол', 'стать', 'φύλο'].map(normalizeLabel);
// Compared folded (no case, no accents), as the card's value will be.
const FEMALE_VALUES = new Set(['f', 'female', 'woman', 'w', 'ж', 'жен', 'женский', 'женщина', 'жін', 'жіноча', 'жінка', 'θ', 'θήλυ', 'θηλυκό', 'γυναίκα'].map(foldCase));
const MALE_VALUES = new Set(['m', 'male', 'man', 'м', 'муж', 'мужской', 'мужчина', 'ч', 'чол', 'чоловіча', 'чоловік', 'α', 'άρρεν', 'αρσενικό', 'άνδρας', 'άντρας'].map(foldCase));

/** Male first names that end in -а / -я (and the unisex short forms, which stay unknown). */
const MALE_IN_A = new Set(['никита', 'илья', 'ілля', 'фома', 'кузьма', 'лука', 'савва', 'сава', 'данила', 'гаврила', 'микола', 'олекса', 'миша', 'гриша', 'паша', 'дима', 'вова', 'коля', 'петя', 'ваня', 'леша', 'лёша', 'сережа', 'серёжа', 'костя', 'толя', 'федя', 'юра', 'гоша', 'рома', 'боря', 'витя', 'стёпа', 'степа', 'nikita', 'ilya', 'ilia', 'luka', 'sava', 'savva', 'mykola', 'misha', 'dima', 'kolya']);
const UNISEX = new Set(['саша', 'женя', 'валя', 'слава', 'шура', 'sasha', 'zhenya']);
/** Female first names that do not end in -а / -я. */
const FEMALE_OTHER = new Set(['любовь', 'нинель', 'эстер', 'рахиль', 'есфирь', 'любов', 'lyubov', 'liubov']);

const CYRILLIC_OR_LATIN_WORD = /^[a-zа-яёіїєґ'’ʼ-]+$/;

export function clientGender(client: Pick<ClientRecord, 'firstName' | 'lastName' | 'name' | 'lastSnapshot'>): Gender | null {
  return genderFromCard(client) ?? genderFromNames(client);
}

function genderFromCard(client: Pick<ClientRecord, 'lastSnapshot'>): Gender | null {
  for (const { label, value } of client.lastSnapshot?.fields ?? []) {
    if (!GENDER_LABELS.includes(normalizeLabel(label))) continue;
    const folded = foldCase(value.trim().replace(/\.$/, ''));
    if (FEMALE_VALUES.has(folded)) return 'female';
    if (MALE_VALUES.has(folded)) return 'male';
  }
  return null;
}

function genderFromNames(client: Pick<ClientRecord, 'firstName' | 'lastName' | 'name'>): Gender | null {
  const words = [client.firstName, client.lastName, client.name]
    .flatMap((part) => (part ?? '').split(/\s+/))
    .map((word) => word.toLowerCase().replace(/[.,]+$/, ''))
    .filter((word) => word.length > 1);
  // A woman's patronymic is never a surname; "-ович" can be one ("Ольга Карпович"), so it waits.
  if (words.some((word) => byPatronymic(word) === 'female')) return 'female';
  const greek = genderOfGreekName(client.firstName);
  if (greek) return greek;
  const first = client.firstName?.trim().toLowerCase().split(/\s+/)[0];
  const byFirst = first ? byFirstName(first) : null;
  if (byFirst) return byFirst;
  if (words.some((word) => byPatronymic(word) === 'male')) return 'male';
  const surnames = [client.lastName, ...(client.firstName ? [] : [client.name])]
    .flatMap((part) => (part ?? '').toLowerCase().split(/\s+/))
    .map(bySurname)
    .filter((gender): gender is Gender => gender !== null);
  return surnames.length > 0 && surnames.every((gender) => gender === surnames[0]) ? surnames[0]! : null;
}

function byPatronymic(word: string): Gender | null {
  if (/(овна|евна|ична|івна|ївна)$/.test(word)) return 'female';
  if (/(ович|евич|ьич|ьіч|ич|йович|ійович)$/.test(word) && word.length > 5) return 'male';
  return null;
}

function byFirstName(word: string): Gender | null {
  if (!CYRILLIC_OR_LATIN_WORD.test(word) || UNISEX.has(word)) return null;
  if (MALE_IN_A.has(word)) return 'male';
  if (FEMALE_OTHER.has(word)) return 'female';
  // Only Cyrillic names follow the -а / -я rule closely enough; Latin spellings are left alone.
  if (!/[а-яёіїєґ]/.test(word)) return null;
  if (/[ая]$/.test(word)) return 'female';
  if (/[бвгґджзйклмнпрстфхцчшщьоі]$/.test(word)) return 'male';
  return null;
}

function bySurname(word: string): Gender | null {
  if (/(ова|ева|ёва|єва|ина|іна|ская|цкая|ська|цька)$/.test(word)) return 'female';
  if (/(ов|ев|ёв|єв|ин|ін|ский|цкий|ський|цький)$/.test(word)) return 'male';
  return null;
}
