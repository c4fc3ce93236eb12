/** Request headers as Node's http module gives them (lower-case names), or any casing. */
export type RequestHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** The value of header `name` (case-insensitive); repeated headers are joined with ",", as HTTP allows. */
export function headerValue(headers: RequestHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    if (typeof value === 'string') values.push(value);
    else values.push(...value);
  }
  return values.length === 0 ? undefined : values.join(',');
}

/** Every header with a lower-case name and its (joined) value. */
export function lowerCaseHeaders(headers: RequestHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(headers)) {
    const value = headerValue(headers, key);
    if (value !== undefined) out[key.toLowerCase()] = value;
  }
  return out;
}
