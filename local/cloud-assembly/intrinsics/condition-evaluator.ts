import { isRecord } from '../template';
import type { WarningSink } from '../warnings';

type Resolve = (value: unknown, path: string) => unknown;

/**
 * Evaluates the template's `Conditions` (Fn::Equals, Fn::And, Fn::Or, Fn::Not, Condition). An
 * undefined or unsupported condition is false, with a warning that says so.
 */
export class ConditionEvaluator {
  private readonly cache = new Map<string, boolean>();
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly conditions: Readonly<Record<string, unknown>>,
    private readonly resolve: Resolve,
    private readonly warnings: WarningSink,
  ) {}

  isTrue(name: string, usedAt: string): boolean {
    const cached = this.cache.get(name);
    if (cached !== undefined) return cached;
    const definition = this.conditions[name];
    if (definition === undefined || this.inProgress.has(name)) {
      const why = definition === undefined ? 'is not defined in Conditions' : 'refers back to itself';
      this.warnings.add('UnresolvedCondition', `Condition ${name} at ${usedAt} ${why}; treated as false.`);
      return false;
    }
    this.inProgress.add(name);
    const result = this.evaluate(definition, `Conditions.${name}`);
    this.inProgress.delete(name);
    this.cache.set(name, result);
    return result;
  }

  private evaluate(expression: unknown, path: string): boolean {
    if (!isRecord(expression) || Object.keys(expression).length !== 1) return this.unsupported('(not a condition function)', path);
    const [name] = Object.keys(expression);
    const argument = expression[name];
    if (name === 'Condition' && typeof argument === 'string') return this.isTrue(argument, path);
    if (!Array.isArray(argument)) return this.unsupported(name, path);
    switch (name) {
      case 'Fn::Equals': {
        const [left, right] = argument.map((item, index) => JSON.stringify(this.resolve(item, `${path}.${name}.${index}`)));
        return argument.length === 2 && left === right;
      }
      case 'Fn::And':
        return argument.map((item, index) => this.evaluate(item, `${path}.${name}.${index}`)).every(Boolean);
      case 'Fn::Or':
        return argument.map((item, index) => this.evaluate(item, `${path}.${name}.${index}`)).some(Boolean);
      case 'Fn::Not':
        return !this.evaluate(argument[0], `${path}.${name}.0`);
      default:
        return this.unsupported(name, path);
    }
  }

  private unsupported(name: string, path: string): boolean {
    this.warnings.add('UnresolvedCondition', `Condition function ${name} at ${path} is not supported; treated as false.`);
    return false;
  }
}
