// AppSync logs a change to a versioned data source in its Delta table only when the change goes
// through an AppSync mutation ("Records changes to items with AWS AppSync mutations in a Delta
// table": https://docs.aws.amazon.com/appsync/latest/devguide/versioned-data-sources.html). This
// function writes Notes directly, so it logs its change the way AppSync does, or clients that
// catch up by delta sync (a Sync with lastSync inside DeltaSyncTableTTL reads only the Delta
// table) would never see the note lose its author. The layout is the documented one: ds_pk =
// "<base table>:<YYYY-MM-DD>", ds_sk = "<HH:mm:ss.SSS>:<id>:<_version>", _ttl = change time plus
// DeltaSyncTableTTL in epoch seconds, and the item as it is after the change.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

export function noteDeltaRecord(
  notesTable: string,
  ttlMinutes: number,
  note: Record<string, AttributeValue>,
  changedAt: Date,
): Record<string, AttributeValue> {
  const iso = changedAt.toISOString();
  const id = note.id?.S ?? '';
  const version = note._version?.N ?? '0';
  return {
    ...note,
    ds_pk: { S: `${notesTable}:${iso.slice(0, 10)}` },
    ds_sk: { S: `${iso.slice(11, 23)}:${id}:${version}` },
    _ttl: { N: String(Math.floor(changedAt.getTime() / 1000) + ttlMinutes * 60) },
  };
}
