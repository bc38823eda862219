import { chooseEncoding, withTimeZone } from './static';

describe('chooseEncoding', () => {
  const both = new Set(['br', 'gzip'] as const);

  it('prefers Brotli when the browser takes it, whatever order it lists them in', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd', both)).toBe('br');
    expect(chooseEncoding('br;q=0.5, gzip;q=1', both)).toBe('br');
  });

  it('falls back to gzip, and to nothing (on-the-fly or identity) when neither is taken', () => {
    expect(chooseEncoding('gzip, deflate', both)).toBe('gzip');
    expect(chooseEncoding('x-gzip', both)).toBe('gzip');
    expect(chooseEncoding('br', new Set(['gzip'] as const))).toBeNull();
    expect(chooseEncoding(undefined, both)).toBeNull();
    expect(chooseEncoding('identity', both)).toBeNull();
  });

  it('honours q=0 and the wildcard', () => {
    expect(chooseEncoding('br;q=0, gzip', both)).toBe('gzip');
    expect(chooseEncoding('*', both)).toBe('br');
    expect(chooseEncoding('*, br;q=0', both)).toBe('gzip');
    expect(chooseEncoding('gzip;q=0, br;q=0', both)).toBeNull();
  });
});

describe('withTimeZone: the page carries the reporting time zone', () => {
  const page = '<html><head><title>x</title></head><body></body></html>';
  it('adds a meta tag the web app reads', () => {
    expect(withTimeZone(page, 'Asia/Shanghai')).toContain('<meta name="tc-time-zone" content="Asia/Shanghai" />\n  </head>');
    expect(withTimeZone(page, 'America/Argentina/Buenos_Aires')).toContain('content="America/Argentina/Buenos_Aires"');
  });
  it('cannot be made to write markup and leaves the page alone without a zone', () => {
    expect(withTimeZone(page, '"><script>x</script>')).not.toContain('<script>');
    expect(withTimeZone(page, undefined)).toBe(page);
  });
});
