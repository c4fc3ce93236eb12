import { util } from '@aws-appsync/utils';
import type { UpdateProfileInput } from '../__generated__/schema-types';

/** Validated profile changes: a string sets the field, null clears it, absent leaves it. */
export type ProfileChanges = {
  displayName?: string | null;
  bio?: string | null;
  avatar?: string | null;
  handle?: string | null;
};

export const DISPLAY_NAME_MAX = 50;
export const BIO_MAX = 280;
export const AVATAR_MAX = 2048;
/** Handles are stored lowercase, so "Ada" and "ada" are the same claim. */
export const HANDLE_PATTERN = '^[a-z0-9_]{3,30}$';

/** Checks and normalizes updateProfile's input; raises a ValidationError that names the field. */
export function profileChanges(input: UpdateProfileInput): ProfileChanges {
  const changes: ProfileChanges = {};
  if (input.displayName !== undefined) {
    changes.displayName = input.displayName === null ? null : displayName(input.displayName);
  }
  if (input.bio !== undefined) {
    changes.bio = input.bio === null || input.bio.trim() === '' ? null : bio(input.bio.trim());
  }
  if (input.avatar !== undefined) {
    changes.avatar = input.avatar === null ? null : avatar(input.avatar);
  }
  if (input.handle !== undefined) {
    changes.handle = input.handle === null ? null : handle(input.handle);
  }
  if (Object.keys(changes).length === 0) {
    util.error('updateProfile needs at least one of displayName, bio, avatar or handle.', 'ValidationError');
  }
  return changes;
}

function displayName(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length < 1 || trimmed.length > DISPLAY_NAME_MAX) {
    util.error(
      `displayName must be 1 to ${DISPLAY_NAME_MAX} characters (received ${trimmed.length} after trimming).`,
      'ValidationError',
    );
  }
  return trimmed;
}

function bio(value: string): string {
  if (value.length > BIO_MAX) {
    util.error(`bio must be at most ${BIO_MAX} characters (received ${value.length}).`, 'ValidationError');
  }
  return value;
}

function avatar(value: string): string {
  if (value.length > AVATAR_MAX || !value.startsWith('https://')) {
    util.error(
      `avatar must be an https:// URL of at most ${AVATAR_MAX} characters (received ${value.length} characters starting "${value.slice(0, 8)}").`,
      'ValidationError',
    );
  }
  return value;
}

function handle(value: string): string {
  const normalized = value.trim().toLowerCase();
  if (!util.matches(HANDLE_PATTERN, normalized)) {
    util.error(
      `handle must be 3 to 30 characters of lowercase letters, digits or underscores (received "${value}").`,
      'ValidationError',
    );
  }
  return normalized;
}
