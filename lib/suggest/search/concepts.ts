import type { ObjectionCategory } from '../../book/schema';
import { foldWord } from '../../text/normalize';
import type { WordForm } from './similarity';
import { stem } from '../../text/stem';

/**
 * Concepts: the few ideas objections are made of (expensive, budget, later, boss...), each with
 * the words that express it in the four book languages. A word of the query and a word of the
 * book that share a concept match even when they share no letter: "pricey" finds "дорого",
 * "ακριβά" finds "too expensive". This is also what lets one index serve four books at once.
 *
 * Word patterns: `word` matches any word with the same stem ("cost" matches "costs");
 * `word*` matches any word that starts with it ("дорож*" matches "дорожче", "дорожчий");
 * `=word` matches that word only, where the stemmer would join unrelated words ("=чем", "than",
 * is not "чему", "to what"). Prefixes shorter than three letters are read as whole words. Write words as a person would
 * (accents, "ё"): the table is folded like everything else.
 *
 * `category` is a weak hint: a query that speaks of this concept is probably an objection of
 * that category.
 */
export interface Concept {
  id: string;
  category?: ObjectionCategory;
  words: readonly string[];
}

export const DEFAULT_CONCEPTS: readonly Concept[] = [
  {
    id: 'expensive',
    category: 'price',
    words: [
      'overcharg*', 'ripoff', 'robbery', 'extortionate', 'outrageous', 'insane', 'грабеж*', 'грабёж*', 'неподъемн*', 'неподъёмн*', 'заоблачн*', 'космическ*', 'грабіж*', 'захмарн*', 'космічн*', 'непідйомн*', 'ληστεια', 'πανακριβ*', 'τσουχτερ*', 'υπερβολικ*',
      'expensive', 'pricey', 'pricy', 'costly', 'overpric*', 'steep', 'exorbitant', 'high',
      'дорог*', 'дорож*', 'задорог*', 'дороговат*', 'завыш*', 'кусают*', 'кусач*', 'переплат*', 'накрут*', 'высок*',
      'завищ*', 'висок*', 'завелик*',
      'ακριβ*', 'τσιμπημεν*', 'αλμυρ*', 'φουσκωμεν*', 'υψηλ*',
    ],
  },
  {
    id: 'price',
    category: 'price',
    words: [
      'quote*', 'quotation','price*', 'pricing', 'cost*', 'цен*', 'стоимост*', 'стоит', 'стоят', 'цін*', 'ціна', 'вартіст*', 'вартує', 'кошту*', 'τιμ*', 'κοστ*', 'κοστολογ*'],
  },
  {
    id: 'cheaper',
    category: 'price',
    words: ['cheap*', 'lower', 'less', 'half', 'дешев*', 'дешёв*', 'ниже', 'подешев*', 'нижч*', 'φθην*', 'φτην*', 'χαμηλ*'],
  },
  {
    // "More expensive than at ...": a comparison means the client has another offer.
    id: 'comparison',
    category: 'price',
    words: [
      'розетц*',
      'elsewhere', 'online', 'internet', 'than', 'amazon', 'ebay', 'aliexpress', 'rozetka', 'розетк*', 'ozon', 'озон', 'wildberries', 'olx', 'skroutz',
      'интернет*', '=чем', 'інтернет*', '=ніж', 'αλλου*', 'ιντερνετ*', 'διαδικτυ*', 'παρα'],
  },
  {
    id: 'budget',
    category: 'price',
    words: ['budget*', 'money', 'funds', 'cash', 'afford*', 'spend*', 'pay', 'paying', 'tight', 'бюджет*', 'денег', 'деньг*', 'средств*', 'финанс*', 'потрат*', 'грош*', 'кошти', 'коштів', 'коштів', 'фінанс*', 'витрат*', 'προϋπολογισμ*', 'λεφτα', 'χρηματ*', 'μπατζετ*'],
  },
  {
    id: 'discount',
    category: 'price',
    words: [
      '=best', 'haggl*', 'negotiab*', 'wiggle', 'сбав*', 'сброс*', 'скинете', 'скинуть', 'подвин*', 'поторг*', 'торговат*', 'зниз*', 'знизь*', 'зменш*', 'поторгу*', 'κατεβασ*', 'κατεβαζ*', 'ριξ*', 'χαμηλωσ*', 'παζαρ*','discount*', 'rebate*', 'bargain*', 'deal', 'скидк*', 'скидоч*', 'скидон*', 'уступ*', 'дисконт*', 'знижк*', 'знижоч*', 'знижеч*', 'поступ*', 'εκπτωσ*', 'εκπτωτ*'],
  },
  {
    id: 'competitor',
    category: 'competitor',
    words: ['competitor*', 'competition', 'rival*', 'конкурент*', 'конкуренц*', 'ανταγωνισ*'],
  },
  {
    id: 'terms',
    category: 'competitor',
    words: ['terms', 'condition*', 'deferr*', 'credit', 'days', 'условия', 'условиях', 'отсрочк*', 'умови', 'умовах', 'відстрочк*', 'όρους', 'όροι', 'πίστωσ*', 'προθεσμί*'],
  },
  {
    // "From someone else", "у других": another company than the one calling.
    id: 'another',
    words: [
      'another', '=other', '=others', '=else',
      '=другой', '=другого', '=другим', '=другие', '=других', '=другому', '=другой',
      '=інший', '=іншого', '=іншим', '=інші', '=інших', '=іншою', '=іншої',
      '=αλλος', '=αλλον', '=αλλη', '=αλλοι', '=αλλους', '=αλλα', '=αλλο',
    ],
  },
  {
    id: 'supplier',
    category: 'competitor',
    words: [
      'dealer*', 'manufacturer*', 'direct', 'directly', 'wholesaler*', 'дилер*', 'производител*', 'напрямую', 'оптовик*', 'виробник*', 'напряму', 'гуртовик*', 'κατασκευαστ*', 'απευθειας', 'αντιπροσωπ*', 'χονδρεμπορ*','supplier*', 'vendor*', 'provider*', 'distributor*', 'поставщик*', 'дистрибьютор*', 'постачальник*', 'дистрибютор*', 'προμηθευτ*'],
  },
  {
    id: 'relationship',
    category: 'competitor',
    words: [
      'loyal*', 'relationship*', 'friends', '=years', 'decade*', 'ages', 'same',
      'давно', 'лет', 'верны', 'верность', 'дружим', 'друзья', 'отношени*',
      'вірні', 'вірність', 'років*', 'дружимо', 'друзі', 'стосунк*',
      'πιστός', 'πιστοί', 'φίλοι', 'σχέση', 'σχέσεις', '=χρονια', '=ιδιο', '=ιδιος', '=ιδια',
    ],
  },
  {
    id: 'later',
    category: 'timing',
    words: ['later', 'afterwards', 'postpone*', 'delay*', 'позже', 'попозже', 'позднее', 'потом', 'отлож*', 'перенес*', 'пізніше', 'згодом', 'потім', 'відклад*', 'αργοτερα', 'αναβολ*', 'αναβαλ*',
      // "Call me tomorrow / in the evening": a time to call back ("tomorrow" is also 'slow').
      '=tomorrow', '=tonight', '=morning', '=evening', 'завтра', '=утром', '=утра', 'вечер*', 'зранку', 'вранці', 'ввечері', 'вечор*', 'αυριο', 'πρωι', 'απογευμα', 'βραδυ'],
  },
  {
    id: 'right-time',
    category: 'timing',
    words: ['time', 'timing', 'moment', 'время', 'момент', 'час', 'στιγμ*'],
  },
  {
    id: 'now',
    words: ['now', 'currently', 'сейчас', 'щас', 'зараз', 'наразі', 'нині', 'τωρα', 'παρον'],
  },
  {
    id: 'next-period',
    category: 'timing',
    words: ['next', 'quarter*', 'month*', 'week*', 'следующ*', 'квартал*', 'месяц*', 'недел*', 'наступн*', 'місяц*', 'тижн*', 'τριμην*', 'επομεν*', 'μηνα', 'εβδομαδ*'],
  },
  {
    id: 'busy',
    category: 'timing',
    words: [
      'swamped', 'snowed', 'flat', 'hectic', 'завал', 'завален*', 'запар*', 'аврал*', 'зашиваюс*', 'завантажен*', 'запарк*', 'τρεχω', 'τρεχουμε', 'πνιγομαι', 'φορτωμεν*','busy', 'meeting', 'driving', 'middle', 'занят*', 'совещани*', 'некогда', 'зайнят*', 'нарад*', 'απασχολημεν*', 'συσκεψ*', 'συναντηση', 'οδηγω'],
  },
  {
    id: 'call',
    category: 'timing',
    words: ['call*', 'ring', 'phone*', 'callback', 'звон*', 'набер*', 'набир*', 'перезвон*', 'позвон*', 'дозвон*', 'телефон*', 'дзвон*', 'передзвон*', 'зателефон*', 'τηλεφων*', 'παρτε', 'παρε', 'ξαναπαρ*', 'καλεσ*'],
  },
  {
    id: 'talk',
    words: ['talk*', 'speak*', 'говор*', 'разговар*', 'розмовл*', 'μιλησ*', 'μιλαω', 'μιλαμε'],
  },
  {
    // "We'll see": the decision is put off ("see" alone is too common in English to count).
    id: 'wait-and-see',
    category: 'timing',
    words: ['посмотрим', 'поглядим', 'подивимос*', 'подивимось', 'побачимо', 'βλεπουμε', '=δουμε', 'ξαναδουμε'],
  },
  {
    id: 'season',
    category: 'timing',
    words: [
      'harvest*', 'planting', 'sowing', 'посевн*', 'посев*', 'урожа*', 'жатв*', 'уборочн*', 'посівн*', 'посів*', 'врожа*', 'жнив*', 'σπορα', 'σποραδ*', 'συγκομιδ*', 'θερισ*', 'τρυγ*','season*', 'сезон*', 'σεζον*', 'εποχ*'],
  },
  {
    // "Maybe in spring" puts the talk off to a time of year; it is not "the season is over".
    id: 'time-of-year',
    category: 'timing',
    words: [
      'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'январ*', 'феврал*', 'март*', 'апрел*', '=мае', '=май', '=мая', 'июн*', 'июл*', 'август*', 'сентябр*', 'октябр*', 'ноябр*', 'декабр*', 'січн*', 'лютого', 'лютий', 'березн*', 'квітн*', 'травн*', 'червн*', 'липн*', 'серпн*', 'вересн*', 'жовтн*', 'листопад*', 'грудн*', 'ιανουαρ*', 'φεβρουαρ*', 'μαρτ*', 'απριλ*', '=μαιο', '=μαιου', '=μαη', '=μαιοσ', 'ιουν*', 'ιουλ*', 'αυγουστ*', 'σεπτεμβρ*', 'οκτωβρ*', 'νοεμβρ*', 'νοεμβρη', 'δεκεμβρ*', 'γεναρ*', 'φλεβαρ*',
      'winter', 'summer', 'spring', 'autumn', 'fall',
      'зим*', 'весн*', 'осен*', 'осенью', 'летом', 'літ*', 'осін*', 'восени', 'навесні', 'взимку', 'влітку',
      'χειμων*', 'καλοκαιρ*', 'ανοιξ*', 'φθινοπωρ*',
    ],
  },
  {
    id: 'holidays',
    category: 'timing',
    words: [
      'vacation*', 'отпуск*', 'отпуска', 'відпуст*', 'відпустк*', 'διακοπ*',
      'holiday*', 'festive', 'christmas', 'xmas', 'easter', 'newyear',
      'праздник*', 'праздничн*', 'новогодн*', 'каникул*', 'рождеств*', 'пасх*', 'майск*',
      'свят', 'свята', 'святами', 'святкув*', 'новоріч*', 'різдв*', 'великдн*', 'великод*', 'канікул*',
      'γιορτ*', 'εορτ*', 'χριστουγενν*', 'πασχα', 'πασχαλ*', 'πρωτοχρονι*',
    ],
  },
  {
    id: 'unknown',
    category: 'trust',
    words: [
      'website', 'site', 'google*', 'сайт*', 'гугл*', 'однодневк*', 'настоящ*', 'существует', 'существуете', 'справжн*', 'існуєте', 'існує', 'υπαρχετε', 'υπαρχει', 'ιστοσελιδ*', 'σοβαρ*',
      'heard', 'hear', 'unknown', 'famous', 'reputation', 'reviews',
      'слыш*', 'впервые', 'неизвест*', 'репутац*', 'отзыв*',
      'чую', 'чув', 'вперше', 'уперше', 'невідом*', 'відгук*',
      'ακου*', 'ξανακου*', 'αγνωστ*', 'φημη', 'κριτικ*',
    ],
  },
  {
    id: 'delivery',
    words: [
      'courier*', 'freight', 'truck*', 'курьер*', 'курєр*', 'фур*', 'κουριερ*', 'φορτηγ*','deliver*', 'shipping', 'ship*', 'arriv*', 'logistics', 'доставк*', 'достав*', 'поставк*', 'привез*', 'привоз*', 'отгруз*', 'відвантаж*', 'παραδοσ*', 'παραδωσ*', 'αποστολ*', 'μεταφορ*', 'φερν*', 'φερετ*', 'ερθει', 'ερχετ*'],
  },
  {
    id: 'letdown',
    category: 'trust',
    words: ['late', 'fail*', 'risk*', 'worr*', 'disrupt*', 'сорв*', 'подвед*', 'подвод*', 'вовремя', 'срок*', 'опозда*', 'задерж*', 'боюсь', 'зірв*', 'підвед*', 'підвод*', 'вчасно', 'термін*', 'запізн*', 'затрим*', 'боюся', 'κρεμασ*', 'εγκαιρ*', 'καθυστερ*', 'αργησ*', 'φοβαμαι'],
  },
  {
    id: 'guarantee',
    category: 'trust',
    words: ['guarant*', 'warrant*', 'sure', 'certain*', 'гарант*', 'уверен*', 'риск*', 'впевнен*', 'ризик*', 'εγγυη*', 'εγγυησ*', 'σιγουρ*', 'ρισκ*', 'κινδυν*'],
  },
  {
    id: 'trust',
    category: 'trust',
    words: ['trust*', 'reliab*', 'довер*', 'довір*', 'надежн*', 'надійн*', 'εμπιστ*', 'αξιοπιστ*'],
  },
  {
    id: 'need',
    category: 'need',
    words: ['need*', 'necessary', 'require*', 'useful', 'нужн*', 'нужен', 'надо', 'необходим*', 'потребн*', 'требу*', 'потрібн*', 'потрібен', 'треба', 'необхідн*', 'потреб*', 'вимага*', 'χρειαζ*', 'χρησιμ*', 'αναγκ*'],
  },
  {
    id: 'stock',
    category: 'need',
    words: [
      'stocked', 'stacked', 'plenty', 'закупил*', 'закуплен*', 'закупилис*', 'запаслис*', 'затарил*', 'затарились', 'закупилися', 'εφοδιασμεν*', 'εφοδιαστ*','stock*', 'warehouse*', 'everything', 'full', 'όλα', 'склад*', 'запас*', 'затарен*', 'забит*', 'полн*', 'повн*', 'αποθεμ*', 'αποθηκ*', 'γεματ*', 'πλήρης', 'πλήρεις'],
  },
  {
    id: 'enough',
    words: [
      'enough', 'suffic*', 'fine', 'basic', 'simple', 'standard',
      'базов*', 'хват*', 'подойд*', 'сойд*', '=простой', '=простая', '=простого', '=простые', '=простую',
      'вистач*', 'підійд*', 'згод*', '=простий', '=проста', '=простого', '=простої', '=прості',
      'αρκ*', '=φτανει', '=φτανουν', 'βασικ*', '=απλο', '=απλη', '=απλος', '=απλου', '=απλα',
    ],
  },
  {
    id: 'small',
    category: 'need',
    words: [
      'shop', 'магазинчик*', 'фирмочк*', 'ларек', 'ларёк', 'крамничк*', 'кіоск*', 'μαγαζακ*', 'μαγαζι','small*', 'tiny', 'little', 'big', 'large*', 'volume*', 'size', 'overkill', 'масштаб*', 'размер*', 'розмір*', 'мал*', 'маленьк*', 'небольш*', 'крупн*', 'объем*', 'замал*', 'невелик*', 'велик*', 'обсяг*', 'μικρ*', 'μεγάλος', 'ποσοτητ*', 'ογκ*'],
  },
  {
    // The person who decides; "decide" itself is a concept of its own, because clients who want
    // time to think also "need to decide".
    id: 'boss',
    category: 'authority',
    words: [
      'boss*', 'manager', 'director*', 'head', 'owner*', 'ceo', 'management', 'supervisor*', 'superior', 'chief',
      'руковод*', 'начальн*', 'директор*', 'шеф*', 'босс*', 'владел*',
      'керівн*', 'власник*',
      'προισταμεν*', 'διευθυντ*', 'διοικ*', 'αφεντικ*', 'ιδιοκτητ*', 'υπευθυν*',
    ],
  },
  {
    id: 'decide',
    category: 'authority',
    words: [
      'decide*', 'decision*', 'decider', 'sign*',
      'решени*', 'реша*', 'решу', 'подпис*',
      'рішен*', 'виріш*', 'підпис*',
      'αποφασ*', 'υπογραφ*',
    ],
  },
  {
    // "It needs my boss's approval": the contact takes part but someone above must agree.
    id: 'approve',
    category: 'authority',
    words: [
      'approv*', 'authoris*', 'authoriz*', 'permission',
      'утвержд*', 'согласов*', 'одобр*', 'разрешени*',
      'затвердж*', '=погодити', 'погоджу*', 'погодж*', 'узгод*', 'схвал*', 'дозвіл*', 'дозвол*',
      'εγκρι*', 'εγκρισ*', 'εγκρίν*',
    ],
  },
  {
    id: 'consult',
    category: 'authority',
    words: [
      'consult*', 'discuss*', 'colleague*', 'wife', 'husband', 'spouse', 'partner*',
      'посовет*', 'совет*', 'обсуд*', 'коллег*', 'жен*', 'муж*', 'супруг*', 'партнер*',
      'порад*', 'обговор*', 'колег*', 'дружин*', 'чолові*',
      'συζητ*', 'κουβεντ*', 'συμβουλ*', 'συνεταιρ*', 'συναδελφ*', 'γυναικα', 'συζυγ*', 'ανδρα', 'ρωτησ*',
    ],
  },
  {
    id: 'tender',
    category: 'authority',
    words: ['tender*', 'procurement', 'purchasing', 'bid*', 'rfp', 'rfq', 'тендер*', 'закупк*', 'закупок', 'закупочн*', 'закупівл*', 'закупівел*', '=закупаем', '=закуповуємо', 'снабжен*', 'конкурс*', 'торги', 'постачанн*', 'прозорро', 'prozorro', 'διαγωνισ*', 'προμηθει*', 'προκηρυξ*'],
  },
  {
    id: 'quality',
    category: 'quality',
    words: [
      'flimsy', 'fragile', 'sturdy', 'robust', 'хлипк*', 'прочн*', 'прослуж*', 'износ*', 'выдерж*', 'міцн*', 'зносит*', 'витрима*', 'αντεξ*', 'αντοχ*', 'ανθεκτ*', 'προχειρ*','quality', 'reliable', 'durable', 'junk', 'качеств*', 'некачеств*', 'барахл*', 'хлам', 'якіс*', 'якост*', 'неякісн*', 'мотлох', 'ποιοτ*', 'σκουπιδ*'],
  },
  {
    id: 'broken',
    category: 'quality',
    words: [
      'died', 'dead', 'crack*', 'leak*', 'rust*', 'apart', 'потрескал*', 'треснул*', 'трескает*', 'развалил*', 'разваливает*', 'сгорел*', 'потек*', 'заржав*', 'потріскал*', 'тріснул*', 'розвалил*', 'згорів', 'згоріл*', 'протік*', 'протек*', 'заіржав*', 'іржав*', 'διαλυθ*', 'ραγισ*', 'ξεκολλ*', 'εσπασ*', 'σπασ*', 'σκουριασ*', 'καηκε','defect*', 'faulty', 'broke*', 'break*', '=stopped', 'брак*', 'слома*', 'ломает*', 'ломал*', 'злама*', 'ламає*', 'ламал*', 'χαλασ*', 'χαλα', 'χαλαει', 'ελαττωματ*'],
  },
  {
    // "Last time ...": a complaint about an earlier purchase, of the product or of the service.
    id: 'last-time',
    words: [
      'before', 'previously', 'earlier', 'раньше', 'прежн*', 'прошлом', 'прошлого', 'прошлой', 'прошлая', 'прошлогодн*', 'раніше', 'колишн*', 'минула', 'минулій', 'минулому', 'торік', 'торішн*', 'περσι', 'περσιν*', 'παλιοτερα','previous', 'last', 'прошлый', 'предыдущ*', 'минулий', 'минулого', 'попередн*', 'προηγουμεν*', 'περασμεν*'],
  },
  {
    id: 'staff',
    category: 'service',
    words: [
      'service', 'staff', 'rude', 'attitude', 'employee*', 'personnel', 'impolite',
      'обслуж*', 'сервис*', 'сотрудник*', 'персонал*', 'груб*', 'нагруб*', 'хам*', 'нахам*', 'менеджер*',
      'обслугов*', 'сервіс*', 'працівник*', 'нагрубил*',
      'εξυπηρετ*', 'υπαλληλ*', 'προσωπικ*', 'αγεν*', 'συμπεριφορ*', 'σερβις',
    ],
  },
  {
    id: 'awful',
    words: ['terrible', 'awful', 'horrible', 'ужасн*', 'отврат*', 'жахлив*', 'огидн*', 'απαισι*', 'απαραδεκτ*', 'χαλια'],
  },
  {
    id: 'slow',
    category: 'service',
    words: ['slow*', 'long', 'wait*', 'forever', 'tomorrow', 'долг*', 'медлен*', 'ждать', 'ждем', 'жду', 'ожидан*', 'завтра', 'довг*', 'повільн*', 'чека*', 'очікуван*', 'αργει', 'περιμεν*', 'αναμον*', 'αυριο'],
  },
  {
    id: 'support',
    category: 'service',
    words: [
      'install*', 'setup', 'abandon*', 'настройк*', 'настро*', 'установк*', 'трубк*', 'бросил*', 'налаштуван*', 'налашт*', 'слухавк*', 'кинул*', 'εγκατασταση', 'εγκαταστ*', 'ξεκρεμαστ*', 'παρατησ*','support*', 'help*', 'disappear*', 'vanish*', 'answer*', 'respond*', 'поддерж*', 'помо*', 'помощ*', 'пропада*', 'исчез*', 'ответ*', 'отвеча*', 'підтрим*', 'допомо*', 'зника*', 'відпов*', 'υποστηριξ*', 'βοηθ*', 'εξαφαν*', 'απαντ*', 'σηκων*'],
  },
  {
    id: 'paid',
    words: ['paid', 'payment*', 'оплат*', 'заплат*', 'сплат*', 'πληρω*'],
  },
  {
    id: 'send-info',
    category: 'other',
    words: [
      'send*', 'email*', 'mail', 'info', 'information', 'brochure*', 'catalog*', 'presentation*', 'pricelist', 'deck', 'proposal*',
      'пришл*', 'присл*', 'отправ*', 'скин*', 'почт*', 'мейл*', 'имейл*', 'информац*', 'инфо', 'прайс*', 'каталог*', 'презентац*', 'буклет*', 'брошюр*',
      'надішл*', 'надісл*', 'відправ*', 'пошт*', 'імейл*', 'інформац*', 'брошур*',
      'στειλ*', 'μειλ', 'πληροφορ*', 'τιμοκαταλογ*', 'καταλογ*', 'παρουσιασ*', 'φυλλαδι*',
    ],
  },
  {
    // "I'll think about it" mostly puts the decision off: timing (see the skeleton).
    id: 'think',
    category: 'timing',
    words: [
      'think*', 'thought', 'consider*', 'ponder*', 'mull*', 'sleep', 'weigh*',
      'подума*', 'дума*', 'обдума*', 'поразмысл*', 'размышл*', 'поразмышл*', 'взвес*', 'взвеш*',
      'поміркую', 'міркува*', 'зважу', 'зважи*', 'зважу*',
      'σκεφτ*', 'σκεψ*', 'ζυγισ*', 'ζυγιζ*',
    ],
  },
  {
    id: 'interest',
    category: 'other',
    words: ['interest*', 'интерес*', 'цікав*', 'ενδιαφερ*'],
  },
];

/** A concept table ready for lookups. */
export interface ConceptMatcher {
  readonly concepts: readonly Concept[];
  /** Indexes into `concepts` of the concepts a word expresses, ascending. */
  conceptsOf(word: WordForm): readonly number[];
  /** Every pattern as a word, so a misspelt query word can still reach its concept. */
  readonly patterns: readonly ConceptPattern[];
}

export type PatternKind = 'stem' | 'prefix' | 'exact';

export interface ConceptPattern {
  form: WordForm;
  concept: number;
  kind: PatternKind;
}

const MIN_PREFIX = 3;

export function compileConcepts(concepts: readonly Concept[]): ConceptMatcher {
  const byText = new Map<string, Set<number>>();
  const byStem = new Map<string, Set<number>>();
  const byPrefix = new Map<string, Set<number>>();
  const patterns: ConceptPattern[] = [];
  concepts.forEach((concept, index) => {
    for (const written of concept.words) {
      const { text, kind } = readPattern(written);
      if (text === '') continue;
      if (kind === 'prefix') addTo(byPrefix, text, index);
      else if (kind === 'exact') addTo(byText, text, index);
      else addTo(byStem, stem(text), index);
      patterns.push({ form: { text, stem: stem(text) }, concept: index, kind });
    }
  });

  const conceptsOf = (word: WordForm): readonly number[] => {
    const found = new Set([...(byText.get(word.text) ?? []), ...(byStem.get(word.stem) ?? [])]);
    for (let length = MIN_PREFIX; length <= word.text.length; length++) {
      for (const index of byPrefix.get(word.text.slice(0, length)) ?? []) found.add(index);
    }
    return [...found].sort((a, b) => a - b);
  };
  return { concepts, conceptsOf, patterns };
}

function readPattern(written: string): { text: string; kind: PatternKind } {
  if (written.startsWith('=')) return { text: foldWord(written.slice(1)), kind: 'exact' };
  if (!written.endsWith('*')) return { text: foldWord(written), kind: 'stem' };
  const text = foldWord(written.slice(0, -1));
  return { text, kind: text.length >= MIN_PREFIX ? 'prefix' : 'stem' };
}

function addTo(map: Map<string, Set<number>>, key: string, value: number): void {
  const set = map.get(key) ?? new Set<number>();
  set.add(value);
  map.set(key, set);
}
