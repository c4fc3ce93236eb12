/** One piece of an `Fn::Sub` string: literal text, or a `${…}` variable to resolve. */
export type SubPart = { readonly literal: string } | { readonly variable: string };

/**
 * Splits an `Fn::Sub` string. `${!Literal}` stands for the text `${Literal}`, as CloudFormation
 * documents (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html).
 */
export function parseSubTemplate(text: string): SubPart[] {
  const parts: SubPart[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$\{([^}]*)\}/g)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ literal: text.slice(last, index) });
    const inner = match[1];
    parts.push(inner.startsWith('!') ? { literal: `\${${inner.slice(1)}}` } : { variable: inner.trim() });
    last = index + match[0].length;
  }
  if (last < text.length) parts.push({ literal: text.slice(last) });
  return parts;
}
