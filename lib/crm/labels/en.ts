import type { LanguageLabels } from './types';

export const en: LanguageLabels = {
  fields: {
    name: ['name', 'full name', 'contact name', 'client name', 'customer name', 'deal name', 'deal title', 'opportunity name', 'lead name'],
    firstName: ['first name', 'firstname', 'given name', 'forename'],
    lastName: ['last name', 'lastname', 'surname', 'family name'],
    middleName: ['middle name', 'patronymic'],
    company: ['company', 'company name', 'organization', 'organisation', 'organization name', 'account', 'account name', 'employer', 'business name'],
    jobTitle: ['job title', 'title', 'position', 'job position', 'role', 'occupation', 'designation'],
    phone: ['phone', 'telephone', 'tel', 'mobile', 'cell', 'direct line'],
    email: ['email', 'e-mail', 'mail'],
    stage: ['stage', 'deal stage', 'status', 'pipeline stage', 'lifecycle stage', 'lead status', 'sales stage', 'opportunity stage'],
    amount: ['amount', 'deal amount', 'deal value', 'value', 'budget', 'price', 'revenue', 'expected revenue', 'opportunity amount', 'deal size'],
    birthday: ['birthday', 'date of birth', 'birth date', 'birthdate', 'dob'],
    tags: ['tags', 'tag', 'labels', 'segments'],
    owner: ['owner', 'contact owner', 'deal owner', 'account owner', 'lead owner', 'opportunity owner', 'record owner', 'responsible', 'assigned to', 'sales rep', 'salesperson', 'account manager', 'manager', 'followed by'],
    lastPurchase: ['last purchase', 'last purchase date', 'last order', 'last order date', 'purchase date', 'date of purchase'],
    nextContact: ['next contact', 'next contact date', 'next activity', 'next activity date', 'next call', 'follow-up', 'follow up', 'follow-up date', 'next follow-up', 'next meeting', 'callback', 'call back'],
    telegram: ['telegram'],
    whatsapp: ['whatsapp'],
    viber: ['viber'],
  },
  columns: {
    product: ['product', 'products', 'product name', 'item', 'service'],
    category: ['category', 'product category', 'type'],
    purchasedAt: ['purchased', 'purchase date', 'date', 'bought', 'order date', 'sold'],
    amount: ['price', 'amount', 'total', 'sum', 'cost', 'value'],
  },
};
