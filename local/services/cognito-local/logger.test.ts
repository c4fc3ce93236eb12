import { formatPinoLine } from './logger';

describe('formatPinoLine', () => {
  it('turns pino JSON records into one plain line each', () => {
    const records = [
      { level: 50, time: 1, reqId: 'ab12', target: 'AdminGetUser', err: { message: 'boom' }, msg: 'Error handling target: AdminGetUser' },
      { level: 40, time: 1, msg: 'Cognito Local unsupported feature: x' },
      { level: 30, time: 1 },
    ];
    expect(records.map((record) => formatPinoLine(JSON.stringify(record)))).toEqual([
      'cognito-local error AdminGetUser: Error handling target: AdminGetUser (boom)',
      'cognito-local warn Cognito Local unsupported feature: x',
      'cognito-local info',
    ]);
  });
});
