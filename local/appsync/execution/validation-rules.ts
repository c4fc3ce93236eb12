// Validation as AppSync runs it. AppSync is built on graphql-java and words validation errors its
// way, e.g. `Validation error of type FieldUndefined: Field 'badfield' in type 'Query' is undefined @ 'badfield'`
// (the AppSync team's description of its HTTP behaviour, graphql/graphql-over-http#81).
import {
  FieldsOnCorrectTypeRule,
  GraphQLError,
  Kind,
  specifiedRules,
  ValuesOfCorrectTypeRule,
  visitInParallel,
  type ArgumentNode,
  type ASTVisitor,
  type ValueNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * FieldsOnCorrectTypeRule with graphql-java's message. With introspection disabled, the fields of
 * the introspection types are undefined too: AppSync answers `{ __schema { types { name } } }` with
 * a validation error for the undefined field `types` in `__Schema`
 * (https://docs.aws.amazon.com/appsync/latest/devguide/configuration-limits.html#configuration-limits-introspection).
 */
function fieldsOnCorrectType(introspectionEnabled: boolean): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const path: string[] = [];
    // graphql-java does not look inside a field it found undefined, so nothing below it is reported.
    const undefinedAt: boolean[] = [];
    return {
      OperationDefinition: { enter: () => void path.splice(0) },
      FragmentDefinition: { enter: () => void path.splice(0) },
      Field: {
        enter(node) {
          path.push(node.name.value);
          const insideUndefined = undefinedAt.includes(true);
          const parent = context.getParentType();
          const name = node.name.value;
          const hiddenIntrospection = parent != null && !introspectionEnabled && parent.name.startsWith('__') && name !== '__typename';
          const undefinedHere = parent != null && !insideUndefined && (hiddenIntrospection || context.getFieldDef() == null);
          undefinedAt.push(undefinedHere);
          if (!undefinedHere || parent == null) return;
          context.reportError(
            new GraphQLError(`Validation error of type FieldUndefined: Field '${name}' in type '${parent.name}' is undefined @ '${path.join('/')}'`, { nodes: node }),
          );
        },
        leave: () => {
          path.pop();
          undefinedAt.pop();
        },
      },
    };
  };
}

/** How graphql-java prints a scalar literal inside a validation message. */
function javaValue(node: ValueNode): string | null {
  switch (node.kind) {
    case Kind.STRING:
      return `StringValue{value='${node.value}'}`;
    case Kind.INT:
      return `IntValue{value=${node.value}}`;
    case Kind.FLOAT:
      return `FloatValue{value=${node.value}}`;
    case Kind.BOOLEAN:
      return `BooleanValue{value=${node.value}}`;
    case Kind.ENUM:
      return `EnumValue{name='${node.value}'}`;
    default:
      return null;
  }
}

/**
 * ValuesOfCorrectTypeRule, with graphql-java's message for a scalar literal passed straight to an
 * argument: `Validation error of type WrongType: argument 'x' with value 'StringValue{value='…'}' is not a valid 'Int' @ 'field'`
 * (the form AppSync answers with, e.g. aws/aws-appsync-community#273 for its WrongType errors).
 */
function valuesOfCorrectType(context: ValidationContext): ASTVisitor {
  const path: string[] = [];
  let argument: { name: string; value: ValueNode; node: ArgumentNode } | null = null;
  const reporting = Object.create(context) as ValidationContext;
  reporting.reportError = (error: GraphQLError) => {
    const node = error.nodes?.[0];
    const printed = node !== undefined && argument !== null && node === argument.value ? javaValue(argument.value) : null;
    const type = context.getInputType();
    if (printed === null || argument === null || type == null) return context.reportError(error);
    const message = `Validation error of type WrongType: argument '${argument.name}' with value '${printed}' is not a valid '${String(type).replace(/!$/, '')}' @ '${path.join('/')}'`;
    // graphql-java locates the error at the argument, not at its value (aws-mobile-appsync-sdk-js#554).
    context.reportError(new GraphQLError(message, { nodes: [argument.node] }));
  };
  const tracking: ASTVisitor = {
    OperationDefinition: { enter: () => void path.splice(0) },
    FragmentDefinition: { enter: () => void path.splice(0) },
    Field: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
    Argument: {
      enter: (node) => {
        argument = { name: node.name.value, value: node.value, node };
      },
      leave: () => {
        argument = null;
      },
    },
  };
  return visitInParallel([tracking, ValuesOfCorrectTypeRule(reporting)]);
}

export function appSyncValidationRules(introspectionEnabled: boolean): ValidationRule[] {
  return specifiedRules.map((rule) => {
    if (rule === FieldsOnCorrectTypeRule) return fieldsOnCorrectType(introspectionEnabled);
    if (rule === ValuesOfCorrectTypeRule) return valuesOfCorrectType;
    return rule;
  });
}
