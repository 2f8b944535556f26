/**
 * The shortest unambiguous beginning of each month's name in the dictionary languages, January
 * first, folded (lower case, no accents). A word is a month when it starts with one of these:
 * "March", "marca", "mars", "Mär." all start with "mar"; "марта" and "март" with "мар"; "Μαρτίου"
 * (folded "μαρτιου") with "μαρ". Stems, not full names, keep the content script small.
 */
export const MONTH_STEMS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  en: [['jan'], ['feb'], ['mar'], ['apr'], ['may'], ['jun'], ['jul'], ['aug'], ['sep'], ['oct'], ['nov'], ['dec']],
  de: [['jan', 'jän'], ['feb'], ['mär', 'mrz'], ['apr'], ['mai'], ['jun'], ['jul'], ['aug'], ['sep'], ['okt'], ['nov'], ['dez']],
  fr: [['jan'], ['fev'], ['mar'], ['avr'], ['mai'], ['juin'], ['juil'], ['aou'], ['sep'], ['oct'], ['nov'], ['dec']],
  es: [['ene'], ['feb'], ['mar'], ['abr'], ['may'], ['jun'], ['jul'], ['ago'], ['sep', 'set'], ['oct'], ['nov'], ['dic']],
  pt: [['jan'], ['fev'], ['mar'], ['abr'], ['mai'], ['jun'], ['jul'], ['ago'], ['set'], ['out'], ['nov'], ['dez']],
  pl: [['sty'], ['lut'], ['mar'], ['kwi'], ['maj'], ['cze'], ['lip'], ['sie'], ['wrz'], ['paz'], ['lis'], ['gru']],
  ru: [['янв'], ['фев'], ['мар'], ['апр'], ['май', 'мая'], ['июн'], ['июл'], ['авг'], ['сен'], ['окт'], ['ноя'], ['дек']],
  uk: [['січ'], ['лют'], ['бер'], ['кві'], ['тра'], ['чер'], ['лип'], ['сер'], ['вер'], ['жов'], ['лис'], ['гру']],
  el: [['ιαν'], ['φεβ'], ['μαρ'], ['απρ'], ['μαι'], ['ιουν'], ['ιουλ'], ['αυγ'], ['σεπ'], ['οκτ'], ['νοε'], ['δεκ']],
};
