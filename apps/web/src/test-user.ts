// user-event for the web specs. No delay between keystrokes, and no pointer-events check: that
// check walks getComputedStyle up the tree for every event, and with antd's CSS-in-JS styles in
// jsdom it took 2–3 s per click on a loaded 2-core machine (a 20-second review test, over the
// timeout under CI load). The browser tests in test/browser click in a real Chromium instead.
import userEventLib, { PointerEventsCheckLevel } from '@testing-library/user-event';

export const userEvent = userEventLib.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
