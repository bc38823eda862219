import { runInNewContext } from 'node:vm';
import { isDependencyDown } from './dependency';

describe('isDependencyDown', () => {
  const withCode = (e: Error, code: string) => Object.assign(e, { code });

  it('names the database for connection errors of mysql2', () => {
    expect(isDependencyDown(withCode(new Error('connect ECONNREFUSED 127.0.0.1:3306'), 'ECONNREFUSED'))).toBe('db');
    expect(isDependencyDown(withCode(new Error('Connection lost: The server closed the connection.'), 'PROTOCOL_CONNECTION_LOST'))).toBe('db');
    // A hung server: the query timeout (DB_QUERY_TIMEOUT_MS) gave up on it.
    expect(isDependencyDown(withCode(new Error('Query inactivity timeout'), 'PROTOCOL_SEQUENCE_TIMEOUT'))).toBe('db');
    expect(isDependencyDown(new Error("Can't add new command when connection is in closed state"))).toBe('db');
  });

  it('names Redis for a closed ioredis connection', () => {
    expect(isDependencyDown(new Error('Connection is closed.'))).toBe('redis');
    expect(isDependencyDown(new Error("Stream isn't writeable and enableOfflineQueue options is false"))).toBe('redis');
    // A hung Redis: the producer connections' commandTimeout gave up on it.
    expect(isDependencyDown(new Error('Command timed out'))).toBe('redis');
  });

  it('recognises a socket error made in another realm (Node core seen from a vm context)', () => {
    const foreign = runInNewContext(`Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' })`) as unknown;
    expect(foreign instanceof Error).toBe(false);
    expect(isDependencyDown(foreign)).toBe('db');
  });

  it('leaves everything else alone', () => {
    expect(isDependencyDown(new Error('Duplicate entry'))).toBeNull();
    expect(isDependencyDown({ code: 'ECONNREFUSED', message: 'not an error' })).toBeNull();
    expect(isDependencyDown('ECONNREFUSED')).toBeNull();
  });
});
