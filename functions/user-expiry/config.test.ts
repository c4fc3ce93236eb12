import { ConfigurationError } from '../shared/errors';
import { loadConfig } from './config';

const env = {
  HANDLES_TABLE: 'Handles-1',
  DEVICES_TABLE: 'Devices-1',
  MEMBERSHIPS_TABLE: 'Memberships-1',
  SPACES_TABLE: 'Spaces-1',
  NOTES_TABLE: 'Notes-1',
  COMMENTS_TABLE: 'Comments-1',
  NOTES_DELTA_SYNC_TABLE: 'NotesDeltaSync-1',
  NOTES_DELTA_SYNC_TTL_MINUTES: '30',
  USER_POOL_ID: 'us-east-1_abc',
};

describe('loadConfig', () => {
  it('reads every table, the delta sync TTL and the pool id', () => {
    expect(loadConfig(env)).toEqual({
      handlesTable: 'Handles-1',
      devicesTable: 'Devices-1',
      membershipsTable: 'Memberships-1',
      spacesTable: 'Spaces-1',
      notesTable: 'Notes-1',
      commentsTable: 'Comments-1',
      notesDeltaSyncTable: 'NotesDeltaSync-1',
      notesDeltaSyncTtlMinutes: 30,
      userPoolId: 'us-east-1_abc',
    });
  });

  it('names a missing variable', () => {
    expect(() => loadConfig({ ...env, USER_POOL_ID: undefined })).toThrow(new ConfigurationError('The environment variable USER_POOL_ID is not set.'));
  });

  it('refuses a delta sync TTL that is not a whole number of minutes', () => {
    expect(() => loadConfig({ ...env, NOTES_DELTA_SYNC_TTL_MINUTES: '0.5' })).toThrow(
      new ConfigurationError('NOTES_DELTA_SYNC_TTL_MINUTES must be a whole number of minutes, at least 1 (received "0.5").'),
    );
  });
});
