import type { LanguageLabels } from './types';

export const pt: LanguageLabels = {
  fields: {
    name: ['nome', 'nome completo', 'contato', 'contacto', 'nome do cliente', 'nome do negócio', 'nome da oportunidade'],
    firstName: ['primeiro nome', 'nome próprio'],
    lastName: ['sobrenome', 'último nome'],
    company: ['companhia', 'organização', 'nome da empresa', 'conta'],
    jobTitle: ['função', 'posição'],
    phone: ['telefone', 'telemóvel'],
    email: ['correio eletrónico', 'correio eletrônico'],
    stage: ['estágio', 'etapa do negócio'],
    amount: ['montante', 'orçamento', 'preço', 'quantia'],
    birthday: ['aniversário', 'data de nascimento'],
    tags: ['marcadores'],
    owner: ['responsável', 'proprietário', 'dono', 'atribuído a'],
    lastPurchase: ['data da compra', 'data da última compra'],
    nextContact: ['próximo contato', 'próximo contacto', 'próxima ligação', 'próxima atividade', 'lembrete', 'retorno'],
  },
  columns: {
    product: ['produto', 'produtos', 'serviço'],
    category: ['categoria'],
    purchasedAt: ['data da compra', 'comprado', 'data'],
    amount: ['preço', 'valor', 'total'],
  },
};
