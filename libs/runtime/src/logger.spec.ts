import { QueryFailedError } from 'typeorm';
import { PinoTypeormLogger, serializeError } from './logger';

describe('serializeError', () => {
  it('keeps a failed query’s statement and message but none of its values', () => {
    const driver = Object.assign(new Error("Unknown column 'name'"), { code: 'ER_BAD_FIELD_ERROR', sql: "INSERT INTO t (name, secret) VALUES ('群', 'SEC123')" });
    const e = new QueryFailedError('INSERT INTO t (name, secret) VALUES (?, ?)', ['群', 'SEC123'], driver);
    const out = serializeError(e);
    expect(JSON.stringify(out)).not.toContain('SEC123');
    expect(out).toMatchObject({ type: 'QueryFailedError', query: 'INSERT INTO t (name, secret) VALUES (?, ?)', parameters: '[2 hidden]', driverError: { code: 'ER_BAD_FIELD_ERROR' } });
    expect(out.message).toContain('Unknown column');
  });

  it('leaves an ordinary error as pino would serialise it', () => {
    expect(serializeError(new TypeError('boom'))).toMatchObject({ type: 'TypeError', message: 'boom', stack: expect.stringContaining('TypeError: boom') });
  });
});

describe('PinoTypeormLogger', () => {
  it('logs a failed query with its placeholders and the number of values, never the values', () => {
    const lines: unknown[][] = [];
    const sink = { error: (...a: unknown[]) => lines.push(a), trace: () => undefined, isLevelEnabled: () => false } as never;
    new PinoTypeormLogger(sink).logQueryError(new Error('Duplicate entry'), 'UPDATE users SET password_hash = ? WHERE id = ?', ['$argon2id$v=19$secret', 7]);
    expect(lines).toEqual([[{ query: 'UPDATE users SET password_hash = ? WHERE id = ?', parameterCount: 2, error: 'Duplicate entry' }, 'query failed']]);
  });
});
