import type { HolidayId } from '../book/schema';
import { foldCase } from '../crm/text';
import { addDays, compareDates, type LocalDate } from './time';

/**
 * The holiday calendar: the day each holiday falls on in a given year, movable feasts included,
 * and Greek name days by first name. Pure date arithmetic on the proleptic Gregorian calendar,
 * no time zone: the planner places the day in the client's zone, as it does for every date.
 */

// ---- Easter --------------------------------------------------------------------------------------

/** Western Easter Sunday: the Anonymous Gregorian computus (Meeus/Jones/Butcher). */
export function westernEaster(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/**
 * Orthodox Easter Sunday as a Gregorian date: the Julian computus (Meeus), then the Julian
 * calendar's lag behind the Gregorian one, which is 13 days from 1900 to 2099 and grows by one
 * in every century year not divisible by 400.
 */
export function orthodoxEaster(year: number): LocalDate {
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const day = ((d + e + 114) % 31) + 1;
  return addDays({ year, month, day }, julianLag(year));
}

/** Days the Julian calendar trails the Gregorian one in March of `year`. */
function julianLag(year: number): number {
  const century = Math.floor(year / 100);
  return century - Math.floor(century / 4) - 2;
}

// ---- holidays ------------------------------------------------------------------------------------

/**
 * Orthodox Christmas is 25 December of the Julian calendar: 7 January from 1901 to 2100. The
 * Churches that keep the Revised Julian calendar (Greece, and Ukraine since 2023) celebrate on
 * 25 December with everyone else, which is `christmas`.
 */
const FIXED: Readonly<Record<Exclude<HolidayId, 'easter' | 'orthodox-easter'>, { month: number; day: number }>> = {
  'new-year': { month: 1, day: 1 },
  christmas: { month: 12, day: 25 },
  'orthodox-christmas': { month: 1, day: 7 },
  'womens-day': { month: 3, day: 8 },
};

export function holidayDate(id: HolidayId, year: number): LocalDate {
  if (id === 'easter') return westernEaster(year);
  if (id === 'orthodox-easter') return orthodoxEaster(year);
  return { year, ...FIXED[id] };
}

// ---- Greek name days ---------------------------------------------------------------------------

/** A fixed day of the year, or a number of days from Orthodox Easter Sunday. */
type NameDayRule = { month: number; day: number } | { easterOffset: number } | 'george';

interface NameDayEntry {
  rule: NameDayRule;
  /** Greek forms first (formal, then everyday), then Latin spellings; accents are ignored. */
  male?: readonly string[];
  female?: readonly string[];
}

const on = (month: number, day: number): NameDayRule => ({ month, day });

/**
 * The common Greek first names and the day their saint is celebrated (the Church of Greece's
 * calendar). Only names whose day is beyond doubt are here: a wrong name day greeting is worse
 * than none, so a name that is not in the table gets no greeting.
 */
const NAME_DAYS: readonly NameDayEntry[] = [
  { rule: on(1, 1), male: ['Βασίλειος', 'Βασίλης', 'Vasileios', 'Vasilios', 'Vasilis', 'Vassilis'], female: ['Βασιλική', 'Βασιλεία', 'Βάσω', 'Vasiliki', 'Vaso'] },
  { rule: on(1, 6), male: ['Θεοφάνης', 'Φάνης', 'Φώτιος', 'Φώτης', 'Theofanis', 'Fanis', 'Fotios', 'Fotis'] },
  { rule: on(1, 7), male: ['Ιωάννης', 'Γιάννης', 'Γιαννάκης', 'Ioannis', 'Giannis', 'Yannis', 'Yiannis'], female: ['Ιωάννα', 'Γιάννα', 'Ioanna', 'Gianna'] },
  { rule: on(1, 17), male: ['Αντώνιος', 'Αντώνης', 'Antonios', 'Antonis'], female: ['Αντωνία', 'Antonia'] },
  { rule: on(1, 18), male: ['Αθανάσιος', 'Θανάσης', 'Νάσος', 'Athanasios', 'Thanasis', 'Thanos'], female: ['Αθανασία', 'Νάσια', 'Athanasia'] },
  { rule: on(1, 25), male: ['Γρηγόριος', 'Γρηγόρης', 'Grigorios', 'Grigoris'] },
  { rule: on(2, 10), male: ['Χαράλαμπος', 'Χαράλαμπης', 'Μπάμπης', 'Χάρης', 'Charalampos', 'Haralampos', 'Babis'] },
  { rule: on(3, 25), male: ['Ευάγγελος', 'Βαγγέλης', 'Evangelos', 'Vangelis'], female: ['Ευαγγελία', 'Evangelia', 'Vangelio'] },
  { rule: 'george', male: ['Γεώργιος', 'Γιώργος', 'Γιωργάκης', 'Georgios', 'Giorgos', 'Yiorgos', 'Yorgos'], female: ['Γεωργία', 'Georgia'] },
  { rule: { easterOffset: 0 }, male: ['Αναστάσιος', 'Τάσος', 'Anastasios', 'Tasos'] },
  { rule: { easterOffset: 5 }, female: ['Ζωή', 'Ζωΐτσα', 'Zoi', 'Zoe'] },
  { rule: { easterOffset: 7 }, male: ['Θωμάς', 'Thomas'], female: ['Θωμαΐς', 'Thomais'] },
  { rule: on(5, 5), female: ['Ειρήνη', 'Ρένα', 'Irini', 'Eirini'] },
  { rule: on(5, 21), male: ['Κωνσταντίνος', 'Κώστας', 'Ντίνος', 'Konstantinos', 'Constantinos', 'Kostas', 'Costas', 'Dinos'], female: ['Κωνσταντίνα', 'Ντίνα', 'Ελένη', 'Λένα', 'Konstantina', 'Eleni', 'Lena'] },
  { rule: on(6, 29), male: ['Πέτρος', 'Παύλος', 'Petros', 'Pavlos'], female: ['Παυλίνα', 'Pavlina'] },
  { rule: on(6, 30), male: ['Απόστολος', 'Τόλης', 'Apostolos', 'Tolis'] },
  { rule: on(7, 7), female: ['Κυριακή', 'Κούλα', 'Kyriaki'] },
  { rule: on(7, 11), female: ['Όλγα', 'Olga'] },
  { rule: on(7, 17), female: ['Μαρίνα', 'Μαργαρίτα', 'Marina', 'Margarita'] },
  { rule: on(7, 20), male: ['Ηλίας', 'Ilias'] },
  { rule: on(7, 24), female: ['Χριστίνα', 'Christina', 'Hristina'] },
  { rule: on(7, 25), female: ['Άννα', 'Anna'] },
  { rule: on(7, 26), female: ['Παρασκευή', 'Βούλα', 'Paraskevi', 'Voula'] },
  { rule: on(7, 27), male: ['Παντελεήμων', 'Παντελής', 'Panteleimon', 'Pantelis'] },
  { rule: on(8, 6), male: ['Σωτήριος', 'Σωτήρης', 'Sotirios', 'Sotiris'], female: ['Σωτηρία', 'Sotiria'] },
  { rule: on(8, 15), male: ['Παναγιώτης', 'Πάνος', 'Panagiotis', 'Panayiotis', 'Panos'], female: ['Μαρία', 'Μαίρη', 'Μαρούλα', 'Παναγιώτα', 'Γιώτα', 'Δέσποινα', 'Maria', 'Panagiota', 'Giota', 'Despina'] },
  { rule: on(8, 30), male: ['Αλέξανδρος', 'Αλέκος', 'Αλέξης', 'Alexandros', 'Alekos'], female: ['Αλεξάνδρα', 'Alexandra'] },
  { rule: on(9, 17), female: ['Σοφία', 'Σοφούλα', 'Ελπίδα', 'Αγάπη', 'Sofia', 'Sophia', 'Elpida', 'Agapi'] },
  { rule: on(9, 20), male: ['Ευστάθιος', 'Στάθης', 'Efstathios', 'Stathis'] },
  { rule: on(10, 18), male: ['Λουκάς', 'Loukas'] },
  { rule: on(10, 23), male: ['Ιάκωβος', 'Iakovos'] },
  { rule: on(10, 26), male: ['Δημήτριος', 'Δημήτρης', 'Μήτσος', 'Dimitrios', 'Dimitris', 'Demetrios', 'Mitsos'], female: ['Δήμητρα', 'Δημητρούλα', 'Dimitra'] },
  { rule: on(11, 8), male: ['Μιχαήλ', 'Μιχάλης', 'Γαβριήλ', 'Άγγελος', 'Ταξιάρχης', 'Michail', 'Michalis', 'Mihalis', 'Gavriil', 'Angelos', 'Taxiarchis'], female: ['Αγγελική', 'Αγγελίνα', 'Angeliki'] },
  { rule: on(11, 9), male: ['Νεκτάριος', 'Nektarios'] },
  { rule: on(11, 14), male: ['Φίλιππος', 'Filippos'] },
  { rule: on(11, 16), male: ['Ματθαίος', 'Matthaios'] },
  { rule: on(11, 25), female: ['Αικατερίνη', 'Κατερίνα', 'Κατίνα', 'Aikaterini', 'Ekaterini', 'Katerina'] },
  { rule: on(11, 26), male: ['Στυλιανός', 'Στέλιος', 'Stylianos', 'Stelios'], female: ['Στυλιανή', 'Στέλλα', 'Styliani', 'Stella'] },
  { rule: on(11, 30), male: ['Ανδρέας', 'Andreas'], female: ['Ανδριάνα', 'Andriana'] },
  { rule: on(12, 4), female: ['Βαρβάρα', 'Varvara'] },
  { rule: on(12, 5), male: ['Σάββας', 'Savvas'] },
  { rule: on(12, 6), male: ['Νικόλαος', 'Νίκος', 'Νικόλας', 'Nikolaos', 'Nikos', 'Nikolas'], female: ['Νικολέτα', 'Νικολίτσα', 'Nikoleta'] },
  { rule: on(12, 12), male: ['Σπυρίδων', 'Σπύρος', 'Spyridon', 'Spyros', 'Spiros'], female: ['Σπυριδούλα', 'Spyridoula'] },
  { rule: on(12, 15), male: ['Ελευθέριος', 'Λευτέρης', 'Eleftherios', 'Lefteris'], female: ['Ελευθερία', 'Eleftheria'] },
  { rule: on(12, 22), female: ['Αναστασία', 'Τασούλα', 'Anastasia'] },
  { rule: on(12, 25), male: ['Χρήστος', 'Christos', 'Hristos'] },
  { rule: on(12, 27), male: ['Στέφανος', 'Stefanos'], female: ['Στεφανία', 'Stefania'] },
];

export type Gender = 'female' | 'male';

interface NameFacts {
  entry: NameDayEntry;
  gender: Gender;
}

/** Folded name -> its entry; built once, the table is fixed. */
const BY_NAME: ReadonlyMap<string, NameFacts> = new Map(
  NAME_DAYS.flatMap((entry): Array<[string, NameFacts]> => [
    ...(entry.male ?? []).map((name): [string, NameFacts] => [foldName(name), { entry, gender: 'male' }]),
    ...(entry.female ?? []).map((name): [string, NameFacts] => [foldName(name), { entry, gender: 'female' }]),
  ]),
);

/** "Γιώργος", "ΓΙΩΡΓΟΣ" and "Γιωργος" alike; the final sigma and accents do not matter. */
function foldName(name: string): string {
  return foldCase(name.trim()).replace(/[^\p{L}]/gu, '');
}

/** Every name in the table, for tests and for the team lead's documentation. */
export const NAME_DAY_NAMES: readonly string[] = NAME_DAYS.flatMap((entry) => [...(entry.male ?? []), ...(entry.female ?? [])]);

/**
 * The first word of a first name that the table knows ("Μαρία-Ελένη" is Μαρία). Null for a name
 * the table does not have: no guess.
 */
function lookUp(firstName: string | null | undefined): NameFacts | null {
  for (const word of (firstName ?? '').split(/[\s\-‐–]+/)) {
    const facts = BY_NAME.get(foldName(word));
    if (facts) return facts;
  }
  return null;
}

export function hasNameDay(firstName: string | null | undefined): boolean {
  return lookUp(firstName) !== null;
}

/**
 * The name day of `firstName` in `year`, or null when the name is not in the table. St George's
 * day (23 April) falls in Lent most years; when it comes before Easter, or on Easter Sunday
 * itself, the Church keeps it on Easter Monday.
 */
export function nameDayDate(firstName: string | null | undefined, year: number): LocalDate | null {
  const facts = lookUp(firstName);
  if (!facts) return null;
  const { rule } = facts.entry;
  if (rule === 'george') {
    const easter = orthodoxEaster(year);
    const george = { year, month: 4, day: 23 };
    return compareDates(george, easter) <= 0 ? addDays(easter, 1) : george;
  }
  if ('easterOffset' in rule) return addDays(orthodoxEaster(year), rule.easterOffset);
  return { year, month: rule.month, day: rule.day };
}

/** The gender a Greek first name in the table carries, or null. */
export function genderOfGreekName(firstName: string | null | undefined): Gender | null {
  return lookUp(firstName)?.gender ?? null;
}
