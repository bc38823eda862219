// The antd theme, shared by the app (App.tsx) and the build-time style extraction
// (scripts/antd-styles.tsx): the extracted CSS is keyed by the theme's hash, so both must agree.
import type { ThemeConfig } from 'antd';

export const THEME: ThemeConfig = {
  token: { colorPrimary: '#b71c1c', borderRadius: 6 },
  // A fixed key for the CSS variables (the default derives it from React's useId, which differs
  // between the server-side extraction and the browser).
  cssVar: { key: 'tc' },
};
