// How long each part of a 财政部门联系方式 may be: the schema's limits (finance-contact.ts) and
// the console form's maxLength, in a module of their own so the form can load without the
// schema (components/form/form-schema.ts).

export const MAX_OFFICE_NAME = 100;
export const MAX_ADDRESS = 200;
export const MAX_HOURS = 100;
