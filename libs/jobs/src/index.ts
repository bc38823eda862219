export * from './registry';
export * from './connection';
export * from './queues';
export * from './workers';
