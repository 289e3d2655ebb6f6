export * from './connect.js';
export * from './transaction.js';
export * from './migrate.js';
export type * from './tables.js';
export * from './select-together.js';
