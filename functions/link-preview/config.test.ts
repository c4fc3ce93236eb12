import { ConfigurationError } from '../shared/errors';
import { DEFAULT_CONFIG, loadConfig } from './config';

describe('loadConfig', () => {
  it('allows nothing extra when LINK_PREVIEW_TEST_ALLOWED_ORIGINS is unset, as infra leaves it', () => {
    expect(loadConfig({})).toEqual({ timeoutMs: 3_000, maxBodyBytes: 1_048_576, maxRedirects: 3, userAgent: DEFAULT_CONFIG.userAgent, testAllowedOrigins: new Set() });
  });

  it('reads the test allowlist as canonical address:port pairs', () => {
    expect(loadConfig({ LINK_PREVIEW_TEST_ALLOWED_ORIGINS: '127.0.0.1:8080, [0:0::1]:9000,' }).testAllowedOrigins).toEqual(new Set(['127.0.0.1:8080', '[::1]:9000']));
  });

  it('refuses an entry that is not an address and port, naming it', () => {
    const load = (value: string) => () => loadConfig({ LINK_PREVIEW_TEST_ALLOWED_ORIGINS: value });
    const message = (entry: string) =>
      `LINK_PREVIEW_TEST_ALLOWED_ORIGINS has "${entry}": expected comma-separated address:port pairs such as 127.0.0.1:8080 or [::1]:8080.`;
    expect(load('localhost:80')).toThrow(new ConfigurationError(message('localhost:80')));
    expect(load('127.0.0.1')).toThrow(new ConfigurationError(message('127.0.0.1')));
    expect(load('127.0.0.1:70000')).toThrow(new ConfigurationError(message('127.0.0.1:70000')));
  });
});
