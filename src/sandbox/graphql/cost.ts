import {
  getNamedType,
  getOperationAST,
  GraphQLInt,
  isInterfaceType,
  isObjectType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import { rejectedError, type SandboxGraphQLError } from "./errors.js";

/** GitHub's limits: at most 100 records per connection page and 500,000 nodes per query. */
export const MAX_PAGE_SIZE = 100;
const MAX_NODES = 500_000;

/** What GitHub computes about a query before running it. */
export interface QueryAnalysis {
  /** Rate-limit points: connection requests / 100, rounded, at least 1. */
  cost: number;
  /** The most nodes the query could return. */
  nodeCount: number;
  /** Reasons GitHub would refuse the query outright (pagination bounds, node limit). */
  errors: SandboxGraphQLError[];
}

/**
 * Walks the selected operation the way GitHub's static analysis does: every connection must say
 * `first` or `last` (at most 100), and each connection is assumed to return a full page, which
 * multiplies the requests of the connections nested in it. That gives GitHub's published cost
 * formula, so backfill benchmarks can count points as GitHub would.
 */
export function analyzeQuery(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
): QueryAnalysis {
  const operation = getOperationAST(document, operationName);
  const rootType = operation ? schema.getRootType(operation.operation) : undefined;
  const analysis: QueryAnalysis = { cost: 1, nodeCount: 0, errors: [] };
  if (!operation || !rootType) return analysis;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let requests = 0;

  const walk = (selectionSet: SelectionSetNode, parentType: GraphQLNamedType, multiplier: number, seen: Set<string>): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        if (type) walk(selection.selectionSet, type, multiplier, seen);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && type && !seen.has(fragment.name.value)) {
          walk(fragment.selectionSet, type, multiplier, new Set([...seen, fragment.name.value]));
        }
      } else if (!selection.name.value.startsWith("__") && (isObjectType(parentType) || isInterfaceType(parentType))) {
        const fieldDef = parentType.getFields()[selection.name.value];
        if (!fieldDef) continue;
        const fieldType = getNamedType(fieldDef.type);
        let childMultiplier = multiplier;
        if (isConnection(fieldType) && fieldDef.args.some((a) => a.name === "first")) {
          const pageSize = checkPagination(selection, variables, analysis.errors);
          requests += multiplier;
          childMultiplier = multiplier * pageSize;
          analysis.nodeCount += childMultiplier;
        }
        if (selection.selectionSet) walk(selection.selectionSet, fieldType, childMultiplier, seen);
      }
    }
  };

  walk(operation.selectionSet, rootType, 1, new Set());
  analysis.cost = Math.max(1, Math.round(requests / 100));
  if (analysis.nodeCount > MAX_NODES) {
    analysis.errors.push(
      rejectedError(
        `This query requests up to ${analysis.nodeCount} possible nodes which exceeds the maximum limit of ${MAX_NODES}.`,
        "MAX_NODE_LIMIT_EXCEEDED",
      ),
    );
  }
  return analysis;
}

function isConnection(type: GraphQLNamedType): boolean {
  return isObjectType(type) && type.name.endsWith("Connection") && "pageInfo" in type.getFields();
}

/** GitHub's pagination rules with its own wording; returns the page size assumed for the cost. */
function checkPagination(field: FieldNode, variables: Record<string, unknown>, errors: SandboxGraphQLError[]): number {
  const connection = field.name.value;
  const arg = (name: string): number | undefined => {
    const node = field.arguments?.find((a) => a.name.value === name);
    const value: unknown = node ? valueFromAST(node.value, GraphQLInt, variables) : undefined;
    return typeof value === "number" ? value : undefined;
  };
  const first = arg("first");
  const last = arg("last");
  if (first === undefined && last === undefined) {
    const message = `You must provide a \`first\` or \`last\` value to properly paginate the \`${connection}\` connection.`;
    errors.push(rejectedError(message, "MISSING_PAGINATION_BOUNDARIES"));
    return 0;
  }
  if (first !== undefined && last !== undefined) {
    errors.push(
      rejectedError(`Passing both \`first\` and \`last\` to paginate the \`${connection}\` connection is not supported.`, "INVALID_PAGINATION"),
    );
  }
  for (const [name, value] of [
    ["first", first],
    ["last", last],
  ] as const) {
    if (value === undefined) continue;
    if (value < 0) errors.push(rejectedError(`\`${name}\` on the \`${connection}\` connection cannot be less than zero.`, "INVALID_PAGINATION"));
    if (value > MAX_PAGE_SIZE) {
      errors.push(
        rejectedError(
          `Requesting ${value} records on the \`${connection}\` connection exceeds the \`${name}\` limit of ${MAX_PAGE_SIZE} records.`,
          "EXCESSIVE_PAGINATION",
        ),
      );
    }
  }
  return Math.min(MAX_PAGE_SIZE, Math.max(0, first ?? last ?? 0));
}
