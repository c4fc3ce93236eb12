// The `operations` helpers: markers placed in an update object that say how update() should
// change an attribute. Only `_type` is part of the published typings; the payload fields are ours.

export type UpdateOperation =
  | { _type: 'add'; value: unknown }
  | { _type: 'remove' }
  | { _type: 'replace'; value: unknown }
  | { _type: 'increment'; by: number }
  | { _type: 'decrement'; by: number }
  | { _type: 'append'; items: unknown[] }
  | { _type: 'prepend'; items: unknown[] }
  | { _type: 'updateListItem'; value: unknown; index: number };

const OPERATION_TYPES = new Set(['add', 'remove', 'replace', 'increment', 'decrement', 'append', 'prepend', 'updateListItem']);

export function isUpdateOperation(value: unknown): value is UpdateOperation {
  return typeof value === 'object' && value !== null && OPERATION_TYPES.has((value as { _type?: unknown })._type as string);
}

export const operations = {
  add: (value: unknown): UpdateOperation => ({ _type: 'add', value }),
  remove: (): UpdateOperation => ({ _type: 'remove' }),
  replace: (value: unknown): UpdateOperation => ({ _type: 'replace', value }),
  increment: (by = 1): UpdateOperation => ({ _type: 'increment', by }),
  decrement: (by = 1): UpdateOperation => ({ _type: 'decrement', by }),
  append: (items: unknown[]): UpdateOperation => ({ _type: 'append', items }),
  prepend: (items: unknown[]): UpdateOperation => ({ _type: 'prepend', items }),
  updateListItem: (value: unknown, index: number): UpdateOperation => ({ _type: 'updateListItem', value, index }),
};
