export * from './enqueue.js';
export * from './registry.js';
export * from './store.js';
export * from './types.js';
export * from './worker.js';
