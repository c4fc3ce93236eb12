import type { AttributeValue, LocalEnvironment, ResourceContext } from '../environment/local-environment';
import { type CfnTemplate, isRecord } from '../template';
import { type AssemblyWarningCode, unresolvedPlaceholder, WarningSink } from '../warnings';
import { ConditionEvaluator } from './condition-evaluator';
import { parseSubTemplate } from './sub-template';

/** `Ref: AWS::NoValue` removes the property or list element that holds it. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

const PSEUDO_PARAMETERS = [
  'AWS::Region',
  'AWS::AccountId',
  'AWS::Partition',
  'AWS::URLSuffix',
  'AWS::StackName',
  'AWS::StackId',
  'AWS::NotificationARNs',
] as const;

type PseudoParameterName = (typeof PSEUDO_PARAMETERS)[number];

function isPseudoParameter(name: string): name is PseudoParameterName {
  return (PSEUDO_PARAMETERS as readonly string[]).includes(name);
}

/**
 * Resolves CloudFormation intrinsics in one stack's template against a LocalEnvironment. Whatever
 * it cannot resolve becomes a placeholder plus a named warning, never an exception.
 */
export class TemplateResolver {
  private readonly propertyCache = new Map<string, unknown>();
  private readonly inProgress = new Set<string>();
  private readonly conditions: ConditionEvaluator;

  constructor(
    private readonly template: CfnTemplate,
    private readonly stackName: string,
    private readonly environment: LocalEnvironment,
    private readonly warnings: WarningSink,
  ) {
    this.conditions = new ConditionEvaluator(template.Conditions ?? {}, (value, path) => this.resolve(value, path), warnings);
  }

  /** A resource's property with intrinsics resolved; undefined when absent or `AWS::NoValue`. */
  resolveProperty(logicalId: string, name: string): unknown {
    const key = `${logicalId}.${name}`;
    if (this.propertyCache.has(key)) return this.propertyCache.get(key);
    const path = `Resources.${logicalId}.Properties.${name}`;
    if (this.inProgress.has(key)) {
      this.warnings.add('CircularReference', `${path} refers back to itself; used the placeholder ${unresolvedPlaceholder(key)}.`);
      return unresolvedPlaceholder(key);
    }
    this.inProgress.add(key);
    const raw = this.template.Resources?.[logicalId]?.Properties?.[name];
    const resolved = raw === undefined ? undefined : this.resolve(raw, path);
    this.inProgress.delete(key);
    const value = resolved === NO_VALUE ? undefined : resolved;
    this.propertyCache.set(key, value);
    return value;
  }

  /** Whether the resource exists: it has no `Condition`, or its condition is true. */
  isResourceIncluded(logicalId: string): boolean {
    const condition = this.template.Resources?.[logicalId]?.Condition;
    return condition === undefined || this.conditions.isTrue(condition, `Resources.${logicalId}.Condition`);
  }

  /** Resolves any template value; `path` locates it in warnings. */
  resolve(value: unknown, path: string): unknown {
    if (Array.isArray(value)) {
      return value.map((item, index) => this.resolve(item, `${path}.${index}`)).filter((item) => item !== NO_VALUE);
    }
    if (!isRecord(value)) return value;
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) {
      return this.resolveIntrinsic(keys[0], value[keys[0]], path);
    }
    const result: Record<string, unknown> = {};
    for (const key of keys) {
      const resolved = this.resolve(value[key], `${path}.${key}`);
      if (resolved !== NO_VALUE) result[key] = resolved;
    }
    return result;
  }

  private resolveIntrinsic(name: string, argument: unknown, path: string): unknown {
    switch (name) {
      case 'Ref':
        return typeof argument === 'string' ? this.resolveRef(argument, path) : this.malformed(name, path, 'a logical id');
      case 'Fn::GetAtt':
        return this.resolveGetAtt(argument, path);
      case 'Fn::Join':
        return this.resolveJoin(argument, path);
      case 'Fn::Sub':
        return this.resolveSub(argument, path);
      case 'Fn::Select':
        return this.resolveSelect(argument, path);
      case 'Fn::Split':
        return this.resolveSplit(argument, path);
      case 'Fn::If':
        return this.resolveIf(argument, path);
      case 'Fn::FindInMap':
        return this.resolveFindInMap(argument, path);
      case 'Fn::Base64': {
        const text = this.resolve(argument, path);
        return typeof text === 'string' ? Buffer.from(text, 'utf8').toString('base64') : this.malformed(name, path, 'a string');
      }
      default:
        return this.fail('UnknownIntrinsic', name, `Unknown intrinsic ${name} at ${path}: Outpost Local cannot resolve it`);
    }
  }

  private resolveRef(name: string, path: string): unknown {
    const label = `Ref ${name}`;
    if (name === 'AWS::NoValue') return NO_VALUE;
    if (isPseudoParameter(name)) return this.pseudoParameter(name);
    const parameter = this.template.Parameters?.[name];
    if (parameter !== undefined) return this.parameterValue(name, parameter.Type, parameter.Default, path);
    const override = this.environment.overrides[name]?.Ref;
    if (override !== undefined) return override;
    const resource = this.template.Resources?.[name];
    if (resource === undefined) {
      return this.fail('UnresolvableRef', label, `${label} at ${path} names no resource, parameter or pseudo parameter`);
    }
    const provider = this.environment.providers[resource.Type];
    if (provider === undefined) {
      return this.fail('UnresolvableRef', label, `${label} at ${path}: ${resource.Type} has no local attribute provider`);
    }
    return this.providerValue(provider.ref(this.context(name, resource.Type)), 'UnresolvableRef', label, path, `${resource.Type} has no local value for Ref`);
  }

  private resolveGetAtt(argument: unknown, path: string): unknown {
    const resolvedArgument = Array.isArray(argument) ? [argument[0], this.resolve(argument[1], `${path}.1`)] : argument;
    const [logicalId, attribute] =
      typeof resolvedArgument === 'string'
        ? [resolvedArgument.slice(0, resolvedArgument.indexOf('.')), resolvedArgument.slice(resolvedArgument.indexOf('.') + 1)]
        : Array.isArray(resolvedArgument)
          ? resolvedArgument
          : [undefined, undefined];
    if (typeof logicalId !== 'string' || typeof attribute !== 'string' || logicalId === '' || attribute === '') {
      return this.malformed('Fn::GetAtt', path, '[logicalId, attribute] or "logicalId.attribute"');
    }
    return this.getAtt(logicalId, attribute, path);
  }

  private getAtt(logicalId: string, attribute: string, path: string): unknown {
    const label = `Fn::GetAtt ${logicalId}.${attribute}`;
    const override = this.environment.overrides[logicalId]?.[attribute];
    if (override !== undefined) return override;
    const resource = this.template.Resources?.[logicalId];
    if (resource === undefined) {
      return this.fail('UnresolvableAttribute', label, `${label} at ${path}: ${logicalId} is not a resource in this template`);
    }
    const provider = this.environment.providers[resource.Type];
    if (provider === undefined) {
      return this.fail('UnresolvableAttribute', label, `${label} at ${path}: ${resource.Type} has no local attribute provider`);
    }
    const attributeProvider = provider.attributes[attribute];
    const reason = `${resource.Type} has no local value for attribute ${attribute}`;
    if (attributeProvider === undefined) return this.fail('UnresolvableAttribute', label, `${label} at ${path}: ${reason}`);
    return this.providerValue(attributeProvider(this.context(logicalId, resource.Type)), 'UnresolvableAttribute', label, path, reason);
  }

  private resolveJoin(argument: unknown, path: string): unknown {
    if (!Array.isArray(argument) || argument.length !== 2 || typeof argument[0] !== 'string') {
      return this.malformed('Fn::Join', path, '[delimiter, [values]]');
    }
    const list = this.resolve(argument[1], `${path}.1`);
    if (!Array.isArray(list)) return this.malformed('Fn::Join', path, '[delimiter, [values]]');
    return list.map((item) => this.scalarText(item)).join(argument[0]);
  }

  private resolveSub(argument: unknown, path: string): unknown {
    const [text, variables] = typeof argument === 'string' ? [argument, {}] : Array.isArray(argument) ? argument : [undefined, undefined];
    if (typeof text !== 'string' || !isRecord(variables)) {
      return this.malformed('Fn::Sub', path, 'a string or [string, {variables}]');
    }
    return parseSubTemplate(text)
      .map((part) => {
        if ('literal' in part) return part.literal;
        if (part.variable in variables) {
          return this.scalarText(this.resolve(variables[part.variable], `${path}.1.${part.variable}`));
        }
        const dot = part.variable.indexOf('.');
        const value =
          dot > 0 && !this.isParameterOrPseudo(part.variable)
            ? this.getAtt(part.variable.slice(0, dot), part.variable.slice(dot + 1), path)
            : this.resolveRef(part.variable, path);
        return this.scalarText(value);
      })
      .join('');
  }

  private resolveSelect(argument: unknown, path: string): unknown {
    if (!Array.isArray(argument) || argument.length !== 2) return this.malformed('Fn::Select', path, '[index, [values]]');
    const index = Number(this.resolve(argument[0], `${path}.0`));
    const list = this.resolve(argument[1], `${path}.1`);
    if (!Number.isInteger(index) || !Array.isArray(list) || index < 0 || index >= list.length) {
      return this.malformed('Fn::Select', path, 'an index within the list');
    }
    return list[index];
  }

  private resolveSplit(argument: unknown, path: string): unknown {
    if (!Array.isArray(argument) || argument.length !== 2 || typeof argument[0] !== 'string') {
      return this.malformed('Fn::Split', path, '[delimiter, string]');
    }
    const text = this.resolve(argument[1], `${path}.1`);
    if (typeof text !== 'string') return this.malformed('Fn::Split', path, '[delimiter, string]');
    return text.split(argument[0]);
  }

  private resolveIf(argument: unknown, path: string): unknown {
    if (!Array.isArray(argument) || argument.length !== 3 || typeof argument[0] !== 'string') {
      return this.malformed('Fn::If', path, '[condition, valueIfTrue, valueIfFalse]');
    }
    const chosen = this.conditions.isTrue(argument[0], path) ? 1 : 2;
    return this.resolve(argument[chosen], `${path}.${chosen}`);
  }

  private resolveFindInMap(argument: unknown, path: string): unknown {
    const keys = Array.isArray(argument) ? argument.map((key, index) => this.resolve(key, `${path}.${index}`)) : [];
    if (keys.length !== 3 || !keys.every((key): key is string => typeof key === 'string')) {
      return this.malformed('Fn::FindInMap', path, '[map, topKey, secondKey]');
    }
    const [map, top, second] = keys;
    const found = this.template.Mappings?.[map]?.[top]?.[second];
    if (found === undefined) {
      const label = `Fn::FindInMap ${map}.${top}.${second}`;
      return this.fail('UnresolvableRef', label, `${label} at ${path} is not in the template's Mappings`);
    }
    return found;
  }

  private pseudoParameter(name: PseudoParameterName): string | string[] {
    const { region, accountId, partition, urlSuffix } = this.environment.pseudo;
    switch (name) {
      case 'AWS::Region':
        return region;
      case 'AWS::AccountId':
        return accountId;
      case 'AWS::Partition':
        return partition;
      case 'AWS::URLSuffix':
        return urlSuffix;
      case 'AWS::StackName':
        return this.stackName;
      case 'AWS::StackId':
        return `arn:${partition}:cloudformation:${region}:${accountId}:stack/${this.stackName}/00000000-0000-0000-0000-000000000000`;
      case 'AWS::NotificationARNs':
        return [];
    }
  }

  private parameterValue(name: string, type: string, fallback: unknown, path: string): unknown {
    const label = `Ref ${name}`;
    const value = this.environment.parameters[name];
    if (value !== undefined) return type === 'CommaDelimitedList' ? value.split(',') : value;
    if (type.startsWith('AWS::SSM::Parameter')) {
      return this.fail('UnresolvableRef', label, `${label} at ${path} is an SSM parameter and has no local value`);
    }
    if (fallback === undefined) {
      return this.fail('UnresolvableRef', label, `${label} at ${path}: the parameter has no Default and no local value`);
    }
    return type === 'CommaDelimitedList' && typeof fallback === 'string' ? fallback.split(',') : fallback;
  }

  private isParameterOrPseudo(name: string): boolean {
    return isPseudoParameter(name) || this.template.Parameters?.[name] !== undefined;
  }

  private context(logicalId: string, type: string): ResourceContext {
    return {
      logicalId,
      type,
      pseudo: this.environment.pseudo,
      stackName: this.stackName,
      endpoints: this.environment.endpoints,
      property: (name) => this.resolveProperty(logicalId, name),
      stringProperty: (name) => {
        const value = this.resolveProperty(logicalId, name);
        return typeof value === 'string' ? value : undefined;
      },
    };
  }

  private providerValue(value: AttributeValue, code: AssemblyWarningCode, label: string, path: string, reason: string): unknown {
    return value === undefined ? this.fail(code, label, `${label} at ${path}: ${reason}`) : value;
  }

  private scalarText(value: unknown): string {
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  private malformed(name: string, path: string, expected: string): string {
    return this.fail('MalformedIntrinsic', name, `Malformed ${name} at ${path}: expected ${expected}`);
  }

  private fail(code: AssemblyWarningCode, label: string, message: string): string {
    const placeholder = unresolvedPlaceholder(label);
    this.warnings.add(code, `${message}; used the placeholder ${placeholder}.`);
    return placeholder;
  }
}
