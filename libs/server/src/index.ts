export * from './audit';
export * from './context';
export * from './core.module';
export * from './logger';
export * from './storage';
export * from './tokens';
export * from './catalogue';
export * from './transaction';
