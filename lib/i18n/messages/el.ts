import type { Messages } from './en';

export const el: Messages = {
  extName: 'Touchbook: βοηθός πωλήσεων για κάθε CRM',
  extDescription:
    'Επόμενη επαφή, σενάρια, σταυροειδείς πωλήσεις, ερωτήσεις διαπραγμάτευσης και απαντήσεις σε αντιρρήσεις για τον πελάτη στο CRM σας.',
  actionTitle: 'Touchbook',

  panelTitle: 'Touchbook',
  panelNoClient: 'Δεν υπάρχει πελάτης σε αυτή τη σελίδα',
  panelNoClientHint: 'Ανοίξτε την καρτέλα ενός πελάτη σε ένα CRM όπου το Touchbook είναι ενεργό.',
  panelReading: 'Διαβάζουμε την καρτέλα του πελάτη…',
  panelSiteDisabled: 'Το Touchbook δεν είναι ενεργό σε αυτόν τον ιστότοπο',
  panelSiteDisabledHint: 'Ενεργοποιήστε το για να διαβάζει καρτέλες πελατών στο {origin}.',
  panelExtensionUpdated: 'Το Touchbook ενημερώθηκε. Φορτώστε ξανά τη σελίδα του CRM για να συνεχίσετε.',
  fieldCompany: 'Εταιρεία',
  fieldJobTitle: 'Θέση',
  fieldPhone: 'Τηλέφωνο',
  fieldEmail: 'Email',
  fieldStage: 'Στάδιο',
  fieldAmount: 'Ποσό',
  fieldBirthday: 'Γενέθλια',
  fieldTags: 'Ετικέτες',
  fieldOwner: 'Υπεύθυνος',
  clientSeenOn: 'Διαβάστηκε από {source} · {time}',

  popupTitle: 'Touchbook',
  popupDueTitle: 'Επαφές προς εκτέλεση',
  popupNoDue: 'Δεν εκκρεμεί τίποτα. Ανοίξτε την καρτέλα ενός πελάτη για να προγραμματίσετε την επόμενη επαφή.',
  popupEnableHere: 'Ενεργοποίηση του Touchbook σε αυτόν τον ιστότοπο',
  popupDisableHere: 'Απενεργοποίηση του Touchbook σε αυτόν τον ιστότοπο',
  popupEnabledHere: 'Ενεργό στο {origin}',
  popupCannotEnable: 'Το Touchbook δεν μπορεί να λειτουργήσει σε αυτή τη σελίδα.',
  popupOpenPanel: 'Άνοιγμα πλαϊνού πίνακα',
  popupOpenOptions: 'Ρυθμίσεις',

  optionsTitle: 'Ρυθμίσεις Touchbook',
  optionsSitesTitle: 'Ιστότοποι',
  optionsSitesHint:
    'Το Touchbook διαβάζει καρτέλες πελατών μόνο στους ιστότοπους που ενεργοποιείτε εδώ. Κάθε ιστότοπος ζητά άδεια μία φορά.',
  optionsSiteOriginLabel: 'Διεύθυνση CRM',
  optionsSiteOriginPlaceholder: 'https://etaireia.crm.example',
  optionsEnableSite: 'Ενεργοποίηση',
  optionsDisableSite: 'Απενεργοποίηση',
  optionsNoSites: 'Δεν έχει ενεργοποιηθεί ακόμη κανένας ιστότοπος.',
  optionsLanguageTitle: 'Γλώσσα',
  optionsLanguageAuto: 'Γλώσσα προγράμματος περιήγησης',
  optionsPermissionDenied: 'Δεν δόθηκε άδεια για το {origin}.',
  optionsInvalidOrigin: 'Εισαγάγετε μια διεύθυνση που ξεκινά με https:// ή http://.',

  errorGeneric: 'Κάτι πήγε στραβά: {error}',
};
