import type { LanguageLabels } from './types';

export const pl: LanguageLabels = {
  fields: {
    name: ['imię i nazwisko', 'pełna nazwa', 'kontakt', 'klient', 'nazwa', 'nazwa transakcji', 'nazwa szansy'],
    firstName: ['imię'],
    lastName: ['nazwisko'],
    company: ['firma', 'przedsiębiorstwo', 'organizacja', 'nazwa firmy', 'spółka'],
    jobTitle: ['stanowisko'],
    phone: ['telefon', 'komórka', 'numer telefonu'],
    email: ['poczta'],
    stage: ['etap', 'faza', 'etap transakcji'],
    amount: ['kwota', 'wartość', 'budżet', 'cena', 'suma'],
    birthday: ['urodziny', 'data urodzenia'],
    tags: ['tagi', 'etykiety'],
    owner: ['opiekun', 'właściciel', 'odpowiedzialny', 'handlowiec', 'przypisany do'],
    lastPurchase: ['ostatni zakup', 'data zakupu', 'ostatnie zamówienie'],
    nextContact: ['następny kontakt', 'kolejny kontakt', 'następne połączenie', 'przypomnienie', 'oddzwonić'],
  },
  columns: {
    product: ['produkt', 'produkty', 'towar', 'usługa'],
    category: ['kategoria'],
    purchasedAt: ['data zakupu', 'kupiono', 'data'],
    amount: ['cena', 'kwota', 'suma', 'wartość'],
  },
};
