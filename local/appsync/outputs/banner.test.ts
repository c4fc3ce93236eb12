import { formatReadyBanner } from './banner';
import type { ReadyBannerInput } from './banner';

const ready: ReadyBannerInput = {
  httpsUrl: 'https://localhost:20002/graphql',
  httpUrl: 'http://127.0.0.1:20003/graphql',
  realtimeUrls: ['wss://localhost:20002/graphql/realtime', 'ws://127.0.0.1:20003/graphql/realtime'],
  explorerUrl: 'https://localhost:20002/',
  userPoolEndpoint: 'http://127.0.0.1:9229',
  demoUsers: [
    { username: 'alice@example.com', password: 'Passw0rd!alice', groups: ['ADMINS', 'EDITORS'] },
    { username: 'bob@example.com', password: 'Passw0rd!bob', groups: [] },
  ],
  apiKey: 'da2-outpostlocalkey0000000000',
  outputsPath: 'amplify_outputs.json',
  caPath: '.outpost/tls/ca.pem',
  startupMs: 4236,
};

describe('formatReadyBanner', () => {
  it('lists every endpoint, the demo users and the files to use', () => {
    expect(formatReadyBanner(ready)).toBe(
      [
        'Outpost Local is ready in 4.2 s',
        '',
        '  GraphQL     https://localhost:20002/graphql',
        '              http://127.0.0.1:20003/graphql',
        '  Real-time   wss://localhost:20002/graphql/realtime',
        '              ws://127.0.0.1:20003/graphql/realtime',
        '  Explorer    https://localhost:20002/',
        '  User pool   http://127.0.0.1:9229',
        '  API key     da2-outpostlocalkey0000000000',
        '  Demo users  alice@example.com / Passw0rd!alice  (ADMINS, EDITORS)',
        '              bob@example.com / Passw0rd!bob',
        '  Outputs     amplify_outputs.json',
        '  Local CA    .outpost/tls/ca.pem',
        '              trust it on devices and simulators to use https:// and wss://',
        '',
        'Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
  });

  it('leaves out what the API does not have and shows a fast start in milliseconds', () => {
    expect(
      formatReadyBanner({ ...ready, userPoolEndpoint: undefined, apiKey: undefined, demoUsers: [], startupMs: 812.4 }),
    ).toBe(
      [
        'Outpost Local is ready in 812 ms',
        '',
        '  GraphQL     https://localhost:20002/graphql',
        '              http://127.0.0.1:20003/graphql',
        '  Real-time   wss://localhost:20002/graphql/realtime',
        '              ws://127.0.0.1:20003/graphql/realtime',
        '  Explorer    https://localhost:20002/',
        '  Demo users  none',
        '  Outputs     amplify_outputs.json',
        '  Local CA    .outpost/tls/ca.pem',
        '              trust it on devices and simulators to use https:// and wss://',
        '',
        'Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
  });
});
