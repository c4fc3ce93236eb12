// The value checks behind AppSync's AWS scalars, following "Scalar types in AWS AppSync"
// (https://docs.aws.amazon.com/appsync/latest/devguide/scalars.html).
import { isIP } from 'node:net';

const OFFSET = '(?:Z|[+-]\\d{2}:\\d{2}(?::\\d{2})?)';
const DATE = '(\\d{4})-(\\d{2})-(\\d{2})';
const TIME = '(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?';

const DATE_RE = new RegExp(`^${DATE}${OFFSET}?$`);
const TIME_RE = new RegExp(`^${TIME}${OFFSET}?$`);
// AWSDateTime takes the offset as compulsory: the docs give its format as `YYYY-MM-DDThh:mm:ss.sssZ`.
const DATE_TIME_RE = new RegExp(`^${DATE}T${TIME}${OFFSET}$`);

function validDate(year: string, month: string, day: string): boolean {
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1) return false;
  const daysInMonth = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  return d <= daysInMonth;
}

function validTime(hours: string, minutes: string, seconds: string | undefined): boolean {
  return Number(hours) <= 23 && Number(minutes) <= 59 && (seconds === undefined || Number(seconds) <= 59);
}

export function isAwsDate(value: string): boolean {
  const match = DATE_RE.exec(value);
  return match !== null && validDate(match[1], match[2], match[3]);
}

export function isAwsTime(value: string): boolean {
  const match = TIME_RE.exec(value);
  return match !== null && validTime(match[1], match[2], match[3]);
}

export function isAwsDateTime(value: string): boolean {
  const match = DATE_TIME_RE.exec(value);
  return match !== null && validDate(match[1], match[2], match[3]) && validTime(match[4], match[5], match[6]);
}

// RFC 822 local-part@domain: a dot-atom local part and a dotted domain.
const EMAIL_RE = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

export function isAwsEmail(value: string): boolean {
  return EMAIL_RE.test(value);
}

/** A scheme, and no `//` inside the path (the docs' own counter-example). */
export function isAwsUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  const afterScheme = value.slice(url.protocol.length);
  const path = afterScheme.startsWith('//') ? afterScheme.slice(2 + afterScheme.slice(2).search(/[/?#]|$/)) : afterScheme;
  const pathOnly = path.split(/[?#]/)[0];
  return !pathOnly.includes('//');
}

// Digits with optional spaces or hyphens between groups, and an optional leading `+country`.
const PHONE_RE = /^\+?\d+(?:[ -]?\d+)*$/;

export function isAwsPhone(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  return PHONE_RE.test(value.trim()) && digits.length >= 7 && digits.length <= 15;
}

/** IPv4 or IPv6, optionally with a CIDR prefix. */
export function isAwsIpAddress(value: string): boolean {
  const [address, prefix, extra] = value.split('/');
  if (extra !== undefined) return false;
  const version = isIP(address);
  if (version === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}
