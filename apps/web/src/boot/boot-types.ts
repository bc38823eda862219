// The boot script's hand-over (boot/boot.ts): reads started before the app loaded, by prefetch key
// (a global declaration: it applies to every file of the app without an import).
export {};
declare global {
  interface Window {
    __tcEarly?: Record<string, Promise<{ status: number; body: unknown }>>;
  }
}
