// Browser APIs that jsdom lacks but React Router and antd use. Imported at the top of the web
// specs that render antd or the router (and meant to be the `web` jest project's setup file:
// setupFilesAfterEnv: ['<rootDir>/apps/web/src/test-setup.ts']).
import '@testing-library/jest-dom';
import { TextDecoder, TextEncoder } from 'node:util';

const g = globalThis as unknown as Record<string, unknown>;
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;
// React's scheduler posts tasks with MessageChannel; a timer-based stand-in keeps jest's process
// free to exit (Node's own MessageChannel ports hold it open).
class TimerMessageChannel {
  port1: { onmessage: ((e: { data: unknown }) => void) | null; close(): void } = { onmessage: null, close: () => undefined };
  port2 = { postMessage: (data: unknown) => void setTimeout(() => this.port1.onmessage?.({ data }), 0), close: () => undefined };
}
g.MessageChannel ??= TimerMessageChannel;

if (typeof window !== 'undefined') {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
  const original = window.getComputedStyle.bind(window);
  // jsdom does not implement pseudo-elements; antd asks for ::-webkit-scrollbar sizes.
  window.getComputedStyle = (elt: Element) => original(elt);
  g.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  Element.prototype.scrollIntoView ??= () => undefined;
}
