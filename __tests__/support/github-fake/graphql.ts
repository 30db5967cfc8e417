/**
 * The fake's GraphQL endpoint. Queries are validated with `@octokit/graphql-schema` (GitHub's
 * published schema) and variables are coerced with graphql-js `getVariableValues`; failures are
 * answered in GitHub's shape (HTTP 200, `errors` with graphql-ruby style messages and
 * `extensions.code`). Valid operations execute with graphql-js over the same SDL, with resolvers for
 * the fields Glidepath uses; any other valid field resolves to null (or to a non-null error).
 *
 * Implemented: `repository(owner, name) { id name nameWithOwner url owner defaultBranchRef
 * ref(qualifiedName) object(expression|oid) pullRequest(number) }`, `Ref { name prefix target }`,
 * `Commit { oid message messageHeadline messageBody committedDate authoredDate url tree parents
 * history(first, after, path) file(path) author committer }`, `Blob { oid text byteSize isBinary }`,
 * `Tree { entries }`, `viewer`, `rateLimit`, `node(id)` for pull requests, and the mutations
 * `createCommitOnBranch` and `enablePullRequestAutoMerge`.
 */
import { schema as githubSchema } from '@octokit/graphql-schema';
import {
  buildClientSchema,
  buildSchema,
  coerceInputValue,
  execute,
  getVariableValues,
  GraphQLError,
  isNonNullType,
  Kind,
  parse,
  typeFromAST,
  validate,
  visit,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
  type OperationDefinitionNode,
} from 'graphql';
import { commitOnBranch, type RequestContext } from './context.js';
import { InvalidPathError, MissingPathError, type GitCommit, type TreeChange } from './git-store.js';
import { nodeId, timestamp, type PullRecord } from './model.js';
import { findPullByNodeId } from './rest-pulls.js';
import { decodeBase64 } from './rest-types.js';

let executableSchema: GraphQLSchema | undefined;
let validationSchema: GraphQLSchema | undefined;

/**
 * The schema queries are validated against: the package's introspection JSON, exactly what its own
 * `validate()` uses. We call graphql-js `validate` directly because the package's helper parses
 * with graphql-tag, which strips source locations, and GitHub's errors carry `locations`.
 */
function schemaForValidation(): GraphQLSchema {
  validationSchema ??= buildClientSchema(githubSchema.json as unknown as IntrospectionQuery);
  return validationSchema;
}

/**
 * The executable schema, built once per process. `assumeValidSDL` is required: GitHub's SDL
 * declares some fields twice (e.g. on EnterpriseOwnerInfo), which plain buildSchema rejects.
 */
function schemaForExecution(): GraphQLSchema {
  executableSchema ??= buildSchema(githubSchema.idl, { assumeValidSDL: true });
  return executableSchema;
}

/** An error GitHub reports with a top-level `type` (NOT_FOUND, STALE_DATA, UNPROCESSABLE, …). */
export class GitHubGraphQLError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = 'GitHubGraphQLError';
  }
}

/** One error in a GraphQL response body. */
export interface GraphQLResponseError {
  message: string;
  type?: string;
  path?: readonly (string | number)[];
  locations?: readonly { line: number; column: number }[];
  extensions?: Record<string, unknown>;
}

/** Outcome of one GraphQL request. */
export interface GraphQLOutcome {
  status: number;
  body: { data?: unknown; errors?: GraphQLResponseError[] };
}

/** Parses and validates the request, then executes it. */
export async function handleGraphQL(ctx: RequestContext, payload: unknown): Promise<GraphQLOutcome> {
  const request = payload as { query?: unknown; variables?: unknown; operationName?: unknown };
  if (payload === null || typeof payload !== 'object' || typeof request.query !== 'string') {
    return {
      status: 200,
      body: { errors: [{ message: 'A query attribute must be specified and must be a string.' }] },
    };
  }
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    const e = error as GraphQLError;
    const at = e.locations?.[0];
    return {
      status: 200,
      body: {
        errors: [
          {
            message: `Parse error on ${e.message.replace(/^Syntax Error: /, '')}${at ? ` at [${at.line}, ${at.column}]` : ''}`,
            ...(e.locations ? { locations: e.locations } : {}),
          },
        ],
      },
    };
  }
  const operationName = typeof request.operationName === 'string' ? request.operationName : undefined;
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION &&
      (operationName === undefined || d.name?.value === operationName),
  );

  const validationErrors = validate(schemaForValidation(), document);
  if (validationErrors.length > 0) {
    return {
      status: 200,
      body: { errors: validationErrors.map((e) => toGitHubValidationError(e, document)) },
    };
  }
  if (operation === undefined) {
    return { status: 200, body: { errors: [{ message: `No operation named "${operationName}"` }] } };
  }
  const schema = schemaForExecution();
  const rawVariables = (request.variables ?? {}) as Record<string, unknown>;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  if (coerced.errors) {
    return { status: 200, body: { errors: gitHubVariableErrors(schema, operation, rawVariables) } };
  }

  const result = await execute({
    schema,
    document,
    operationName,
    variableValues: coerced.coerced,
    rootValue: operation.operation === 'mutation' ? new MutationRoot() : new QueryRoot(ctx),
    contextValue: ctx,
  });
  const errors = result.errors?.map(toGitHubExecutionError);
  return {
    status: 200,
    body: { data: result.data ?? null, ...(errors && errors.length > 0 ? { errors } : {}) },
  };
}

/** Field path of the node an error points at, as graphql-ruby reports it (`["query", "repository", "x"]`). */
function pathOf(document: DocumentNode, error: GraphQLError): (string | number)[] | undefined {
  const target = error.nodes?.[0]?.loc?.start;
  const at = error.locations?.[0];
  if (target === undefined && at === undefined) return undefined;
  const stack: string[] = [];
  let found: string[] | undefined;
  visit(document, {
    OperationDefinition: {
      enter(node) {
        stack.push(node.name ? `${node.operation} ${node.name.value}` : node.operation);
      },
      leave() {
        stack.pop();
      },
    },
    FragmentDefinition: {
      enter(node) {
        stack.push(`fragment ${node.name.value}`);
      },
      leave() {
        stack.pop();
      },
    },
    Field: {
      enter(node) {
        stack.push(node.name.value);
        const loc = node.loc;
        const sameStart = target !== undefined && loc?.start === target;
        const sameLine =
          target === undefined &&
          at !== undefined &&
          loc?.startToken.line === at.line &&
          loc.startToken.column === at.column;
        if (found === undefined && (sameStart || sameLine)) found = [...stack];
      },
      leave() {
        stack.pop();
      },
    },
  });
  return found;
}

/** Rewrites graphql-js validation messages into GitHub's (graphql-ruby) wording where known. */
function toGitHubValidationError(error: GraphQLError, document: DocumentNode): GraphQLResponseError {
  const locations = error.locations ? [...error.locations] : undefined;
  const path = pathOf(document, error);
  const common = { ...(locations ? { locations } : {}), ...(path ? { path } : {}) };
  let match = /^Cannot query field "([^"]+)" on type "([^"]+)"\./.exec(error.message);
  if (match) {
    return {
      message: `Field '${match[1]}' doesn't exist on type '${match[2]}'`,
      ...common,
      extensions: { code: 'undefinedField', typeName: match[2], fieldName: match[1] },
    };
  }
  match = /^Unknown argument "([^"]+)" on field "[^."]+\.([^"]+)"\./.exec(error.message);
  if (match) {
    return {
      message: `Field '${match[2]}' doesn't accept argument '${match[1]}'`,
      ...common,
      extensions: { code: 'argumentNotAccepted', name: match[2], typeName: 'Field', argumentName: match[1] },
    };
  }
  match = /^Field "([^"]+)" argument "([^"]+)" of type "[^"]+" is required, but it was not provided\./.exec(
    error.message,
  );
  if (match) {
    return {
      message: `Field '${match[1]}' is missing required arguments: ${match[2]}`,
      ...common,
      extensions: {
        code: 'missingRequiredArguments',
        className: 'Field',
        name: match[1],
        arguments: match[2],
      },
    };
  }
  match = /^Variable "\$([^"]+)" is never used/.exec(error.message);
  if (match) {
    return {
      message: `Variable $${match[1]} is declared by anonymous query but not used`,
      ...common,
      extensions: { code: 'variableNotUsed', variableName: match[1] },
    };
  }
  return { message: error.message, ...common };
}

/**
 * Variable errors in GitHub's wording: `Variable $input of type CreateCommitOnBranchInput! was
 * provided invalid value for expectedHeadOid (Expected value to not be null)`, with the problems
 * listed in `extensions`. graphql-js's own messages carry no structured path, so each variable is
 * coerced again with `coerceInputValue`, which reports path and reason per problem.
 */
function gitHubVariableErrors(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): GraphQLResponseError[] {
  const errors: GraphQLResponseError[] = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (type === undefined) continue;
    const typeName = String(type);
    const location = definition.loc
      ? [{ line: definition.loc.startToken.line, column: definition.loc.startToken.column }]
      : [];
    const value = variables[name];
    if (value === undefined || value === null) {
      if (isNonNullType(type) && definition.defaultValue === undefined) {
        errors.push({
          message: `Variable $${name} of type ${typeName} was provided invalid value`,
          locations: location,
          extensions: {
            value: value ?? null,
            problems: [{ path: [], explanation: 'Expected value to not be null' }],
          },
        });
      }
      continue;
    }
    const problems: { path: (string | number)[]; explanation: string }[] = [];
    coerceInputValue(value, type, (path, _invalid, error) => {
      // graphql-js reports a missing or unknown input field at its parent; GitHub names the field.
      const field = /^Field "([^"]+)" (?:of required type .* was not provided|is not defined by type)/.exec(
        error.message,
      );
      problems.push({ path: field ? [...path, field[1]!] : [...path], explanation: explain(error.message) });
    });
    if (problems.length === 0) continue;
    const where = problems.map((p) => `${p.path.join('.')} (${p.explanation})`).join(', ');
    errors.push({
      message: `Variable $${name} of type ${typeName} was provided invalid value for ${where}`,
      locations: location,
      extensions: { value, problems },
    });
  }
  return errors.length > 0 ? errors : [{ message: 'Variables are invalid' }];
}

function explain(message: string): string {
  if (/of required type .* was not provided/.test(message)) return 'Expected value to not be null';
  const unknown = /^Field "([^"]+)" is not defined by type "([^"]+)"/.exec(message);
  if (unknown) return `Field is not defined on ${unknown[2]}`;
  const coercion = /cannot represent (?:a )?non[- ]\w+ value: (.*)$/i.exec(message);
  if (coercion)
    return `Could not coerce value ${coercion[1]} to ${/^(\w+)/.exec(message)?.[1] ?? 'the type'}`;
  return message;
}

function toGitHubExecutionError(error: GraphQLError): GraphQLResponseError {
  const original = error.originalError;
  return {
    ...(original instanceof GitHubGraphQLError ? { type: original.type } : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(error.locations ? { locations: [...error.locations] } : {}),
    message: error.message,
  };
}

// ---------------------------------------------------------------------------------------------
// Resolvers. graphql-js's default resolver reads a property of the parent object, calling it with
// (args, context) when it is a function; interfaces resolve through `__typename`.

type Args = Record<string, unknown>;

class QueryRoot {
  constructor(private readonly ctx: RequestContext) {}

  repository(args: Args) {
    const { owner, name } = args as { owner: string; name: string };
    if (!this.ctx.repo.is(owner, name)) {
      throw new GitHubGraphQLError(
        'NOT_FOUND',
        `Could not resolve to a Repository with the name '${owner}/${name}'.`,
      );
    }
    return new RepositoryNode(this.ctx);
  }

  viewer() {
    return { __typename: 'User', login: this.ctx.actor.login, databaseId: this.ctx.actor.id };
  }

  rateLimit() {
    return rateLimitOf(this.ctx);
  }

  node(args: Args) {
    const id = String(args.id);
    const pull = findPullByNodeId(this.ctx, id);
    if (pull !== undefined) return new PullRequestNode(this.ctx, pull);
    throw new GitHubGraphQLError('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
  }
}

/** GitHub reports the numbers after charging the current query (1 point here). */
function rateLimitOf(ctx: RequestContext) {
  const { limit, remaining, used, reset } = ctx.rateLimit('graphql');
  return {
    __typename: 'RateLimit',
    cost: 1,
    nodeCount: 1,
    limit,
    remaining: Math.max(remaining - 1, 0),
    used: Math.min(used + 1, limit),
    resetAt: timestamp(new Date(reset * 1000)),
  };
}

class RepositoryNode {
  readonly __typename = 'Repository';
  constructor(private readonly ctx: RequestContext) {}
  get id() {
    return this.ctx.repo.nodeId;
  }
  get name() {
    return this.ctx.repo.name;
  }
  get nameWithOwner() {
    return this.ctx.repo.fullName;
  }
  get url() {
    return this.ctx.repo.webUrl();
  }
  get isPrivate() {
    return true;
  }
  get owner() {
    return { __typename: 'Organization', login: this.ctx.repo.owner, id: nodeId('O', this.ctx.repo.ownerId) };
  }
  async defaultBranchRef() {
    const branch = await this.ctx.defaultBranch();
    const oid = await this.ctx.store.readRef(`refs/heads/${branch}`);
    return oid === undefined ? null : new RefNode(this.ctx, `refs/heads/${branch}`);
  }
  async ref(args: Args) {
    const name = String(args.qualifiedName);
    // "Fully qualified matches are checked in order (refs/heads/master) before falling back onto
    // checks for short name matches (master)."
    const candidates = name.startsWith('refs/') ? [name] : [`refs/heads/${name}`, `refs/tags/${name}`];
    for (const candidate of candidates) {
      if ((await this.ctx.store.readRef(candidate)) !== undefined) return new RefNode(this.ctx, candidate);
    }
    return null;
  }
  async object(args: Args) {
    const expression = (args.expression as string | undefined) ?? (args.oid as string | undefined);
    if (expression === undefined) return null;
    const branch = expression.includes(':') ? expression.slice(0, expression.indexOf(':')) : expression;
    if ((await this.ctx.store.readRef(`refs/heads/${branch}`)) !== undefined) this.ctx.noteRefRead(branch);
    const resolved = await this.ctx.store.resolveObject(expression);
    return resolved === undefined ? null : objectNode(this.ctx, resolved.oid, resolved.type);
  }
  pullRequest(args: Args) {
    const pull = this.ctx.state.pulls.get(Number(args.number));
    if (pull === undefined) {
      throw new GitHubGraphQLError(
        'NOT_FOUND',
        `Could not resolve to a PullRequest with the number of ${String(args.number)}.`,
      );
    }
    return new PullRequestNode(this.ctx, pull);
  }
}

class RefNode {
  readonly __typename = 'Ref';
  constructor(
    private readonly ctx: RequestContext,
    private readonly qualified: string,
  ) {}
  get id() {
    return nodeId(
      'REF',
      [...this.qualified].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 0),
    );
  }
  get name() {
    return this.qualified.replace(/^refs\/(heads|tags)\//, '');
  }
  get prefix() {
    return this.qualified.slice(0, this.qualified.length - this.name.length);
  }
  get repository() {
    return new RepositoryNode(this.ctx);
  }
  async target() {
    const oid = await this.ctx.store.readRef(this.qualified);
    if (oid === undefined) return null;
    if (this.qualified.startsWith('refs/heads/')) this.ctx.noteRefRead(this.name);
    return objectNode(this.ctx, oid, (await this.ctx.store.objectType(oid)) ?? 'commit');
  }
}

function objectNode(ctx: RequestContext, oid: string, type: string) {
  if (type === 'commit') return new CommitNode(ctx, oid);
  if (type === 'tree') return new TreeNode(ctx, oid);
  if (type === 'blob') return new BlobNode(ctx, oid);
  return {
    __typename: 'Tag',
    oid,
    abbreviatedOid: oid.slice(0, 7),
    id: nodeId('TAG', parseInt(oid.slice(0, 8), 16)),
  };
}

/** GitHub caps connection pages at 100 and insists on `first` or `last`. */
function pageSize(args: Args, connection: string): number {
  const first = args.first as number | undefined;
  const last = args.last as number | undefined;
  if (first === undefined && last === undefined) {
    throw new GitHubGraphQLError(
      'MISSING_PAGINATION_BOUNDARIES',
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${connection}\` connection.`,
    );
  }
  const size = first ?? last!;
  if (size > 100) {
    throw new GitHubGraphQLError(
      'EXCESSIVE_PAGINATION',
      `Requesting ${size} records on the \`${connection}\` connection exceeds the \`${first !== undefined ? 'first' : 'last'}\` limit of 100 records.`,
    );
  }
  return size;
}

function cursor(oid: string, offset: number): string {
  return Buffer.from(`${oid} ${offset}`).toString('base64');
}

function offsetOf(after: unknown): number {
  if (typeof after !== 'string') return 0;
  const [, offset] = Buffer.from(after, 'base64').toString('utf8').split(' ');
  return Number(offset) + 1 || 0;
}

class CommitNode {
  readonly __typename = 'Commit';
  private loaded: Promise<GitCommit> | undefined;
  constructor(
    private readonly ctx: RequestContext,
    readonly oid: string,
  ) {}
  private load() {
    this.loaded ??= this.ctx.store.readCommit(this.oid);
    return this.loaded;
  }
  get id() {
    return nodeId('C', parseInt(this.oid.slice(0, 8), 16));
  }
  get abbreviatedOid() {
    return this.oid.slice(0, 7);
  }
  get url() {
    return this.ctx.repo.webUrl(`/commit/${this.oid}`);
  }
  get commitUrl() {
    return this.url;
  }
  get resourcePath() {
    return `/${this.ctx.repo.fullName}/commit/${this.oid}`;
  }
  get repository() {
    return new RepositoryNode(this.ctx);
  }
  async message() {
    return (await this.load()).message.replace(/\n$/, '');
  }
  async messageHeadline() {
    return (await this.message()).split('\n')[0];
  }
  async messageBody() {
    const message = await this.message();
    const newline = message.indexOf('\n');
    return newline < 0 ? '' : message.slice(newline + 1).replace(/^\n+/, '');
  }
  async committedDate() {
    return new Date((await this.load()).committer.date).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  async authoredDate() {
    return new Date((await this.load()).author.date).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  async author() {
    const { author } = await this.load();
    return { ...author, __typename: 'GitActor' };
  }
  async committer() {
    const { committer } = await this.load();
    return { ...committer, __typename: 'GitActor' };
  }
  async tree() {
    return new TreeNode(this.ctx, (await this.load()).tree);
  }
  async parents(args: Args) {
    const size = pageSize(args, 'parents');
    const { parents } = await this.load();
    const nodes = parents.slice(0, size).map((p) => new CommitNode(this.ctx, p));
    return {
      totalCount: parents.length,
      nodes,
      edges: nodes.map((node, i) => ({ node, cursor: cursor(this.oid, i) })),
      pageInfo: {
        hasNextPage: parents.length > size,
        hasPreviousPage: false,
        startCursor: null,
        endCursor: null,
      },
    };
  }
  async history(args: Args) {
    const size = pageSize(args, 'history');
    const skip = offsetOf(args.after);
    const path = args.path as string | undefined;
    const oids = await this.ctx.store.history(this.oid, { skip, max: size + 1, path });
    const page = oids.slice(0, size);
    const nodes = page.map((oid) => new CommitNode(this.ctx, oid));
    const edges = nodes.map((node, i) => ({ node, cursor: cursor(this.oid, skip + i) }));
    return {
      nodes,
      edges,
      totalCount: () => this.ctx.store.historyCount(this.oid, path),
      pageInfo: {
        hasNextPage: oids.length > size,
        hasPreviousPage: skip > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }
  async file(args: Args) {
    const path = String(args.path);
    const entry = await this.ctx.store.entryAt(this.oid, path);
    return entry === undefined ? null : treeEntryNode(this.ctx, { ...entry, name: path.split('/').pop()! });
  }
  signature() {
    return null;
  }
}

class TreeNode {
  readonly __typename = 'Tree';
  constructor(
    private readonly ctx: RequestContext,
    readonly oid: string,
  ) {}
  get id() {
    return nodeId('T', parseInt(this.oid.slice(0, 8), 16));
  }
  get abbreviatedOid() {
    return this.oid.slice(0, 7);
  }
  async entries() {
    const listing = await this.ctx.store.listTree(this.oid, false);
    return listing.map((e) => treeEntryNode(this.ctx, { ...e, name: e.path }));
  }
}

function treeEntryNode(
  ctx: RequestContext,
  entry: { mode: string; type: string; oid: string; path: string; name: string; size?: number },
) {
  const extension = /(\.[^./]+)$/.exec(entry.name)?.[1] ?? null;
  return {
    __typename: 'TreeEntry',
    name: entry.name,
    nameRaw: Buffer.from(entry.name).toString('base64'),
    path: entry.path,
    pathRaw: Buffer.from(entry.path).toString('base64'),
    type: entry.type,
    // GitHub reports the mode as a decimal integer of the octal mode (100644 → 33188).
    mode: parseInt(entry.mode, 8),
    oid: entry.oid,
    size: entry.size ?? 0,
    extension,
    isGenerated: false,
    object: () => objectNode(ctx, entry.oid, entry.type),
  };
}

class BlobNode {
  readonly __typename = 'Blob';
  private loaded: Promise<Buffer> | undefined;
  constructor(
    private readonly ctx: RequestContext,
    readonly oid: string,
  ) {}
  private load() {
    this.loaded ??= this.ctx.store.readBlob(this.oid);
    return this.loaded;
  }
  get id() {
    return nodeId('B', parseInt(this.oid.slice(0, 8), 16));
  }
  get abbreviatedOid() {
    return this.oid.slice(0, 7);
  }
  get isTruncated() {
    return false;
  }
  async byteSize() {
    return (await this.load()).length;
  }
  async isBinary() {
    return (await this.load()).includes(0);
  }
  async text() {
    const bytes = await this.load();
    return bytes.includes(0) ? null : bytes.toString('utf8');
  }
}

class PullRequestNode {
  readonly __typename = 'PullRequest';
  constructor(
    private readonly ctx: RequestContext,
    private readonly pull: PullRecord,
  ) {}
  get id() {
    return this.pull.node_id;
  }
  get number() {
    return this.pull.number;
  }
  get title() {
    return this.pull.title;
  }
  get state() {
    return this.pull.merged ? 'MERGED' : this.pull.state === 'open' ? 'OPEN' : 'CLOSED';
  }
  get merged() {
    return this.pull.merged;
  }
  get url() {
    return this.ctx.repo.webUrl(`/pull/${this.pull.number}`);
  }
  get headRefName() {
    return this.pull.head;
  }
  get baseRefName() {
    return this.pull.base;
  }
  get mergeCommit() {
    return this.pull.mergeCommitSha === null ? null : new CommitNode(this.ctx, this.pull.mergeCommitSha);
  }
  get autoMergeRequest() {
    const auto = this.pull.autoMerge;
    if (auto === null) return null;
    return {
      __typename: 'AutoMergeRequest',
      enabledAt: auto.enabledAt,
      mergeMethod: auto.mergeMethod.toUpperCase(),
      commitHeadline: auto.commitTitle,
      commitBody: auto.commitMessage,
      enabledBy: { __typename: 'Bot', login: this.ctx.actor.login },
      pullRequest: this,
    };
  }
}

class MutationRoot {
  /** `createCommitOnBranch`: a compare-and-swap commit on a branch, authored by the token. */
  async createCommitOnBranch(args: Args, ctx: RequestContext) {
    const input = args.input as {
      branch: { repositoryNameWithOwner?: string; branchName?: string; id?: string };
      expectedHeadOid: string;
      message: { headline: string; body?: string | null };
      fileChanges?: {
        additions?: { path: string; contents: string }[];
        deletions?: { path: string }[];
      } | null;
      clientMutationId?: string | null;
    };
    const { repositoryNameWithOwner: nwo, branchName } = input.branch;
    if (nwo === undefined || branchName === undefined) {
      // Branch node ids are accepted by GitHub; the fake only knows repositoryNameWithOwner + branchName.
      throw new GitHubGraphQLError(
        'UNPROCESSABLE',
        'The GitHub fake needs branch.repositoryNameWithOwner and branch.branchName',
      );
    }
    const [owner = '', name = ''] = nwo.split('/');
    if (!ctx.repo.is(owner, name)) {
      throw new GitHubGraphQLError('NOT_FOUND', `Could not resolve to a Repository with the name '${nwo}'.`);
    }
    const branch = branchName.replace(/^refs\/heads\//, '');
    const head = await ctx.store.readRef(`refs/heads/${branch}`);
    if (head === undefined) {
      throw new GitHubGraphQLError(
        'NOT_FOUND',
        `Could not resolve to a Ref with the name 'refs/heads/${branch}'.`,
      );
    }
    if (head !== input.expectedHeadOid) throw staleData(input.expectedHeadOid);

    const additions = input.fileChanges?.additions ?? [];
    const deletions = input.fileChanges?.deletions ?? [];
    const paths = [...additions.map((a) => a.path), ...deletions.map((d) => d.path)];
    const duplicate = paths.find((p, i) => paths.indexOf(p) !== i);
    if (duplicate !== undefined) {
      throw new GitHubGraphQLError('UNPROCESSABLE', `A path was provided more than once: ${duplicate}`);
    }
    const changes: TreeChange[] = [];
    for (const addition of additions) {
      const bytes = decodeBase64(addition.contents);
      if (bytes === undefined) {
        throw new GitHubGraphQLError('UNPROCESSABLE', `Invalid base64 encoding for path: ${addition.path}`);
      }
      const existing = await ctx.store.entryAt(head, addition.path);
      changes.push({
        path: addition.path,
        // An existing executable keeps its mode; new files are regular files.
        mode: existing?.type === 'blob' ? existing.mode : '100644',
        type: 'blob',
        oid: await ctx.store.writeBlob(bytes),
      });
    }
    for (const deletion of deletions) changes.push({ path: deletion.path, delete: true });

    const body = input.message.body ?? '';
    const message = body === '' ? input.message.headline : `${input.message.headline}\n\n${body}`;
    let result;
    try {
      result = await commitOnBranch(ctx, {
        branch,
        parent: head,
        changes,
        message,
        verified: true,
        via: 'graphql:createCommitOnBranch',
      });
    } catch (error) {
      if (error instanceof MissingPathError) {
        throw new GitHubGraphQLError(
          'UNPROCESSABLE',
          `A path was requested for deletion which does not exist as of commit oid \`${head}\``,
        );
      }
      if (error instanceof InvalidPathError) {
        throw new GitHubGraphQLError('UNPROCESSABLE', `Invalid path: ${error.path}`);
      }
      throw error;
    }
    // The branch moved between our read and the swap: the same answer as a stale expectedHeadOid.
    if (!result.ok) throw staleData(input.expectedHeadOid);
    return {
      clientMutationId: input.clientMutationId ?? null,
      commit: new CommitNode(ctx, result.oid),
      ref: new RefNode(ctx, `refs/heads/${branch}`),
    };
  }

  /** `enablePullRequestAutoMerge`: records the request; `fake.runAutoMerge()` performs it. */
  enablePullRequestAutoMerge(args: Args, ctx: RequestContext) {
    const input = args.input as {
      pullRequestId: string;
      mergeMethod?: string | null;
      commitHeadline?: string | null;
      commitBody?: string | null;
      expectedHeadOid?: string | null;
      clientMutationId?: string | null;
    };
    const pull = findPullByNodeId(ctx, input.pullRequestId);
    if (pull === undefined) {
      throw new GitHubGraphQLError(
        'NOT_FOUND',
        `Could not resolve to a node with the global id of '${input.pullRequestId}'`,
      );
    }
    if (pull.state !== 'open') {
      throw new GitHubGraphQLError(
        'UNPROCESSABLE',
        'Pull request is not in the correct state to enable auto-merge',
      );
    }
    const method = (input.mergeMethod ?? 'MERGE').toLowerCase() as 'merge' | 'squash' | 'rebase';
    pull.autoMerge = {
      mergeMethod: method,
      commitTitle: input.commitHeadline ?? '',
      commitMessage: input.commitBody ?? '',
      enabledAt: timestamp(ctx.now()),
    };
    pull.updated_at = timestamp(ctx.now());
    ctx.emit('pull_request', { action: 'auto_merge_enabled', pull });
    return {
      clientMutationId: input.clientMutationId ?? null,
      actor: { __typename: 'Bot', login: ctx.actor.login },
      pullRequest: new PullRequestNode(ctx, pull),
    };
  }
}

/** The exact text GitHub answers a stale `expectedHeadOid` with (two spaces before "Pull"). */
export function staleDataMessage(expectedHeadOid: string): string {
  return `Expected branch to point to "${expectedHeadOid}" but it did not.  Pull and try again.`;
}

function staleData(expectedHeadOid: string): GitHubGraphQLError {
  return new GitHubGraphQLError('STALE_DATA', staleDataMessage(expectedHeadOid));
}

/** Root fields of a GraphQL request body, for counting and fault matching; [] when unparsable. */
export function rootFieldsOf(payload: unknown): string[] {
  const request = payload as { query?: unknown; operationName?: unknown } | null;
  if (request === null || typeof request !== 'object' || typeof request.query !== 'string') return [];
  try {
    const document = parse(request.query);
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode =>
        d.kind === Kind.OPERATION_DEFINITION &&
        (typeof request.operationName !== 'string' || d.name?.value === request.operationName),
    );
    return (
      operation?.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])) ?? []
    );
  } catch {
    return [];
  }
}
