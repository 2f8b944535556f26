import type { LanguageLabels } from './types';

export const es: LanguageLabels = {
  fields: {
    name: ['nombre', 'nombre completo', 'contacto', 'cliente', 'nombre del cliente', 'nombre del negocio', 'nombre de la oportunidad'],
    firstName: ['nombre de pila'],
    lastName: ['apellido', 'apellidos'],
    company: ['empresa', 'compañía', 'organización', 'nombre de la empresa', 'razón social', 'cuenta'],
    jobTitle: ['cargo', 'puesto', 'título del puesto', 'ocupación'],
    phone: ['teléfono', 'móvil', 'celular'],
    email: ['correo', 'correo-e'],
    stage: ['etapa', 'estado', 'fase', 'etapa del negocio', 'etapa de venta'],
    amount: ['importe', 'monto', 'valor', 'presupuesto', 'cantidad', 'precio'],
    birthday: ['cumpleaños', 'fecha de nacimiento'],
    tags: ['etiquetas', 'etiqueta'],
    owner: ['responsable', 'propietario', 'asignado a', 'vendedor', 'comercial', 'gestor'],
    lastPurchase: ['última compra', 'fecha de compra', 'fecha de la última compra'],
    nextContact: ['próximo contacto', 'siguiente contacto', 'próxima llamada', 'próxima actividad', 'seguimiento', 'recordatorio'],
  },
  columns: {
    product: ['producto', 'productos', 'artículo', 'servicio'],
    category: ['categoría'],
    purchasedAt: ['fecha de compra', 'comprado', 'fecha'],
    amount: ['precio', 'importe', 'total', 'monto'],
  },
};
