// @thermocline/runtime: the framework-free parts api and worker share at run time — clock,
// request context, logging, audit writes, the file store, dependency-down detection, the
// metric catalogue and the stored analytics settings. No Nest here (a lint rule checks it);
// libs/server wraps these as Nest providers.
export * from './analytics-settings';
export * from './audit';
export * from './catalogue';
export * from './catalogue-sync';
export * from './clock';
export * from './context';
export * from './dependency';
export * from './installation';
export * from './logger';
export * from './secret-box';
export * from './storage';
