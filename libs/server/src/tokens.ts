/** Injection tokens of the shared providers. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const REDIS = Symbol('REDIS');
export const LOGGER = Symbol('LOGGER');
