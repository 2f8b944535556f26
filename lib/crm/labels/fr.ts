import type { LanguageLabels } from './types';

export const fr: LanguageLabels = {
  fields: {
    name: ['nom complet', 'contact', 'client', 'nom du client', "nom de l'affaire", "nom de l'opportunité"],
    firstName: ['prénom'],
    // "Nom" is the family name next to "Prénom"; alone, with two words in it, it is the full name.
    lastName: ['nom', 'nom de famille'],
    company: ['entreprise', 'société', 'compte', 'raison sociale', "nom de l'entreprise"],
    jobTitle: ['poste', 'fonction', 'titre', 'intitulé du poste'],
    phone: ['téléphone', 'tél', 'portable'],
    email: ['courriel', 'adresse électronique'],
    stage: ['étape', 'statut', 'étape de vente', "étape de l'affaire"],
    amount: ['montant', 'valeur', 'prix', "chiffre d'affaires"],
    birthday: ['anniversaire', 'date de naissance'],
    tags: ['étiquettes', 'étiquette', 'mots-clés'],
    owner: ['propriétaire', 'assigné à', 'chargé de compte'],
    lastPurchase: ['dernier achat', "date d'achat", 'dernière commande'],
    nextContact: ['prochain contact', 'prochaine relance', 'relance', 'prochain appel', 'prochaine activité', 'rappel'],
  },
  columns: {
    product: ['produit', 'produits', 'article'],
    category: ['catégorie'],
    purchasedAt: ["date d'achat", 'acheté', 'achat'],
    amount: ['prix', 'montant', 'total'],
  },
};
