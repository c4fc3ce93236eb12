// The NONE data source: the request handler's `payload` comes back as the result
// (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-none-js.html).
import type { DataSource, DataSourceOutcome } from '../../appsync/execution/types';

export class NoneDataSource implements DataSource {
  async invoke(request: unknown): Promise<DataSourceOutcome> {
    const payload = typeof request === 'object' && request !== null ? (request as { payload?: unknown }).payload : undefined;
    return { result: payload ?? null };
  }
}
