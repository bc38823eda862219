import 'reflect-metadata';

export * from './data-source';
export * from './entities';
export { MIGRATIONS } from './migrations';
export * from './json';
export * from './transaction';
