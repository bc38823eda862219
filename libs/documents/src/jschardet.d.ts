// jschardet ships no type declarations; this is the one function used here.
declare module 'jschardet' {
  export function detect(input: string | Buffer): { encoding: string | null; confidence: number };
}
