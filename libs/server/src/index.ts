// @thermocline/server: Nest modules and providers shared by api and worker. The framework-free
// parts they wrap live in @thermocline/runtime and @thermocline/db.
export * from './core.module';
export * from './nest-logger';
export * from './notify.providers';
export * from './tokens';
