import { failsReport } from './extract.processor';

describe('failsReport', () => {
  const lost = Object.assign(new Error('Connection lost: The server closed the connection.'), { code: 'PROTOCOL_CONNECTION_LOST' });

  it('fails the report on the last attempt only', () => {
    expect(failsReport(false, new Error('boom'))).toBe(false);
    expect(failsReport(true, new Error('boom'))).toBe(true);
  });

  it('never fails it because MySQL or Redis was away, even on the last attempt', () => {
    expect(failsReport(true, lost)).toBe(false);
    expect(failsReport(true, new Error('Connection is closed.'))).toBe(false);
  });
});
