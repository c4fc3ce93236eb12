import { isRecord } from '../template';

/** The resource a value points at when it is a plain `Ref` or `Fn::GetAtt`; undefined otherwise. */
export function referencedLogicalId(value: unknown): string | undefined {
  if (!isRecord(value) || Object.keys(value).length !== 1) return undefined;
  if (typeof value.Ref === 'string') return value.Ref;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  if (typeof getAtt === 'string') return getAtt.split('.')[0];
  return undefined;
}

/** Every logical id a value mentions through `Ref`, `Fn::GetAtt` or `Fn::Sub`, in order of appearance. */
export function mentionedLogicalIds(value: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!isRecord(node)) return;
    const direct = referencedLogicalId(node);
    if (direct !== undefined) found.push(direct);
    const sub = node['Fn::Sub'];
    const subText = typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : undefined;
    if (subText !== undefined) {
      for (const match of subText.matchAll(/\$\{([^!}][^}.]*)[^}]*\}/g)) found.push(match[1].trim());
    }
    Object.values(node).forEach(visit);
  };
  visit(value);
  return [...new Set(found)];
}
