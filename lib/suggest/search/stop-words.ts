import { foldWord } from '../../text/normalize';

/**
 * Words that say nothing about which objection the client raised: pronouns, articles,
 * prepositions, fillers. Without this list "у вас" or "we" would match half the book. Negations
 * ("not", "не", "δεν", "ні") are kept on purpose: "not now" and "now" are different objections.
 * Greetings and courtesy are here too: "hello, thanks" is not an objection. Weighting (idf)
 * takes care of the rest of the common words.
 */
const STOP_WORDS_BY_LANGUAGE = {
  en: `a an the i me my mine we us our ours you your yours he him his she her it its they them their
    this that these those there here is are am be been being was were do does did have has had will would
    shall should can could may might must to of in on at for with from by about as into and or but so just
    im ive id youre were weve theyre its thats theres hes shes ill well ok okay um uh like really very
    what which whom whose one ones then also too quite any some if get got how why when where hello hi hey thanks thank please sorry seem seems
    though although however regards cheers honestly frankly`,
  ru: `я мы вы ты он она оно они меня мне нас нам вас вам тебя тебе его ее их им ими это этот эта эти
    этого этом то тот та те того в во на с со к ко у о об по за из от до и а но или же ли бы вот ну так
    как что чтобы уж уже просто тут там здесь да ой слушайте короче типа вообще еще ведь был была были
    быть есть мой моя мои наш наша наши ваш ваша ваши если когда где почему зачем привет здравствуйте добрый спасибо пожалуйста извините кажется
    однако впрочем уважением честно говоря тогда`,
  uk: `я ми ви ти він вона воно вони мене мені нас нам вас вам тебе його її їх їм цей ця це ці цього
    то той та ті в у на з із зі до від по за про і й та а але чи б би ж же ось ну так як що щоб вже уже
    просто тут там ще ж бо був була були бути є мій моя мої наш наша наші ваш ваша ваші якщо щось коли де чому навіщо привіт вітаю добрий дякую будь ласка вибачте здається взагалі маю має маємо мають
    однак проте тож повагою чесно кажучи тоді`,
  el: `ο η το οι τα του της των τον την τη τους τις ενα ένα ενας ένας μια μία και κι να θα με σε στο στη
    στην στον στα στις στους για από απο ότι οτι που πως είναι είμαι είμαστε είστε ειναι ειμαι εγώ εμείς
    εσείς εσύ μου μας σας σου αυτό αυτά αυτός αυτή αυτον αυτόν ή ρε λοιπόν βασικά δηλαδή ας αν τι κάτι πότε πού γιατί κάνω κάνεις κάνει κάνουμε κάνετε κάνουν γεια καλημέρα καλησπέρα ευχαριστώ παρακαλώ συγγνώμη φαίνεται καθόλου
    προς όμως οπότε απλά φιλικά τότε`,
} as const;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  Object.values(STOP_WORDS_BY_LANGUAGE).flatMap((list) => list.split(/\s+/).filter(Boolean).map(foldWord)),
);

export function isStopWord(foldedWord: string): boolean {
  return STOP_WORDS.has(foldedWord);
}

/**
 * Function words that are not stop words: they do tell objections apart a little ("not now" vs
 * "not at the moment"), but a rare one must not outweigh the words that carry the meaning. Only
 * one phrasing of the book says "after" ("After the sale nobody will answer"), so its idf is high,
 * and "call me after the holidays" would be about after-sales service. Such words count for
 * `FUNCTION_WORD_WEIGHT` of what their rarity says, in the query and in the book.
 */
const FUNCTION_WORDS_BY_LANGUAGE = {
  en: `after before until till since again still already yet only more much many all every each
    anything something nothing everything anyone someone anybody somebody thing things moment bit lot way back out up
    down over off around ever always even right least such first
    buy buys buying purchase`,
  ru: `после перед пока ещё уже только очень более менее все всё всех весь вся всю всем
    какие какой какая нибудь либо раз разу момент сам сама сами тоже также даже опять снова
    сразу чуть немного хотя бы через около
    должен должна должны придётся приходится
    сначала сперва
    купить покупаем покупать берём берем
    ничего ничто что-то кое-что такой такая такое такие таких таким такую`,
  uk: `після перед поки ще вже тільки лише дуже більш менш усе все всі усі всіх весь уся всю
    якийсь хтось будь який яка які раз разу момент сам сама самі теж також навіть знову одразу трохи
    через біля
    мушу мусимо повинен повинна повинні доведеться
    спочатку
    купити купуємо купувати беремо
    нічого ніщо такий така таке такі таких таким таку`,
  el: `μετά πριν μέχρι ακόμα ακόμη ήδη μόνο πολύ πιο όλοι όλες κάθε κάποιο κάποια κάποιος
    στιγμή φορά πάλι ξανά αμέσως λίγο τουλάχιστον πάντα
    πρέπει
    πρώτα
    αγοράζουμε αγοράζω παίρνουμε
    τίποτα τίποτε τέτοιο τέτοια τέτοιος τέτοιες τέτοιους`,
} as const;

export const FUNCTION_WORD_WEIGHT = 0.25;

const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  Object.values(FUNCTION_WORDS_BY_LANGUAGE).flatMap((list) => list.split(/\s+/).filter(Boolean).map(foldWord)),
);

/** How much a (folded) word's rarity counts: 1, or less for a function word. */
export function wordWeight(foldedWord: string): number {
  return FUNCTION_WORDS.has(foldedWord) ? FUNCTION_WORD_WEIGHT : 1;
}
