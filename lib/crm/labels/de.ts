import type { LanguageLabels } from './types';

export const de: LanguageLabels = {
  fields: {
    name: ['vollständiger name', 'kunde', 'kundenname', 'ansprechpartner', 'dealname', 'deal-name'],
    firstName: ['vorname'],
    lastName: ['nachname', 'familienname'],
    company: ['firma', 'unternehmen', 'firmenname', 'unternehmensname'],
    jobTitle: ['funktion', 'berufsbezeichnung', 'jobtitel', 'stellung'],
    phone: ['telefon', 'telefonnummer', 'mobil', 'mobiltelefon', 'mobilnummer', 'handy', 'festnetz'],
    email: ['e-mail-adresse'],
    stage: ['phase', 'stufe', 'deal-phase', 'vertriebsphase'],
    amount: ['betrag', 'wert', 'summe', 'umsatz', 'preis', 'auftragswert'],
    birthday: ['geburtstag', 'geburtsdatum'],
    tags: ['schlagwörter', 'etiketten', 'stichwörter'],
    owner: ['kontaktinhaber', 'dealinhaber', 'verantwortlich', 'verantwortlicher', 'zuständig', 'besitzer', 'inhaber', 'betreuer', 'kundenbetreuer'],
    lastPurchase: ['letzter kauf', 'letzte bestellung', 'kaufdatum'],
    nextContact: ['nächster kontakt', 'nächste aktivität', 'wiedervorlage', 'rückruf', 'nächster anruf'],
  },
  columns: {
    product: ['produkt', 'produkte', 'artikel', 'leistung'],
    category: ['kategorie'],
    purchasedAt: ['kaufdatum', 'gekauft', 'datum'],
    amount: ['preis', 'betrag', 'summe', 'gesamt'],
  },
};
