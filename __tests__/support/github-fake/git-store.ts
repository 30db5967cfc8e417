/**
 * The GitHub fake's storage: a real bare repository driven with git plumbing (`cat-file`,
 * `hash-object -w`, `mktree`, `commit-tree`, `update-ref OLD`), so what the fake serves is what git
 * says, and a test can check the result with plain git.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GitCommandError, runGit, TEST_GIT_ENV, type RunGitOptions } from '../git-remote.js';

/** The id of the empty tree, the same in every SHA-1 repository. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
/** What `update-ref` takes as "the ref must not exist yet". */
export const ZERO_OID = '0000000000000000000000000000000000000000';

/** A person line of a commit. */
export interface GitPerson {
  name: string;
  email: string;
  /** ISO 8601 with the original offset, e.g. `2024-01-01T00:00:00Z` or `2024-01-01T02:00:00+02:00`. */
  date: string;
}

/** A parsed commit object. */
export interface GitCommit {
  oid: string;
  tree: string;
  parents: string[];
  author: GitPerson;
  committer: GitPerson;
  message: string;
  /** Whether the commit carries a `gpgsig` header. */
  signed: boolean;
}

/** One entry of a tree object. */
export interface TreeEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  oid: string;
  name: string;
}

/** One entry of a recursive tree listing. */
export interface TreeListing extends Omit<TreeEntry, 'name'> {
  path: string;
  /** Size in bytes for blobs. */
  size?: number;
}

/** A change for {@link GitStore.buildTree}: set an entry at a path, or remove the path. */
export type TreeChange =
  | { path: string; mode: string; type: 'blob' | 'tree' | 'commit'; oid: string }
  | { path: string; delete: true };

/** A path that a change wanted to delete does not exist. */
export class MissingPathError extends Error {
  constructor(readonly path: string) {
    super(`path does not exist: ${path}`);
    this.name = 'MissingPathError';
  }
}

/** A path that git cannot store (empty segment, `.`, `..`, `.git`, leading slash). */
export class InvalidPathError extends Error {
  constructor(readonly path: string) {
    super(`invalid path: ${JSON.stringify(path)}`);
    this.name = 'InvalidPathError';
  }
}

/** One file changed by a commit relative to its first parent. */
export interface FileChange {
  path: string;
  previousPath?: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed';
  oid: string | null;
  additions: number;
  deletions: number;
  binary: boolean;
  patch?: string;
}

/** An object as `cat-file` reports it. */
interface CatFileObject {
  oid: string;
  type: string;
  size: number;
  content?: Buffer;
}

/**
 * One long-lived `git cat-file --batch-command` answering `info` / `contents` requests in order.
 * Spawning git costs ~10 ms inside Jest, and a GraphQL read touches a dozen objects, so reads of
 * immutable objects (by id, or `<commit id>:<path>`) go through this process. Refs are never
 * resolved here: a long-running git process may cache refs, and ref reads must be fresh.
 */
class CatFileBatch {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer: Buffer = Buffer.alloc(0);
  private readonly pending: {
    kind: 'info' | 'contents';
    resolve: (o: CatFileObject | undefined) => void;
    reject: (e: Error) => void;
  }[] = [];
  private failure: Error | undefined;

  constructor(gitDir: string) {
    this.child = spawn('git', ['--git-dir', gitDir, 'cat-file', '--batch-command'], {
      env: { ...process.env, ...TEST_GIT_ENV },
    });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    this.child.stderr.resume();
    this.child.stdin.on('error', () => undefined);
    this.child.on('close', (code) => {
      this.failure = new Error(`git cat-file --batch-command exited ${code}`);
      for (const waiting of this.pending.splice(0)) waiting.reject(this.failure);
    });
  }

  request(kind: 'info' | 'contents', name: string): Promise<CatFileObject | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ kind, resolve, reject });
      this.child.stdin.write(`${kind} ${name}\n`);
    });
  }

  close(): void {
    this.child.stdin.end();
  }

  private drain(): void {
    while (this.pending.length > 0) {
      const newline = this.buffer.indexOf(10);
      if (newline < 0) return;
      const header = this.buffer.subarray(0, newline).toString('utf8');
      const head = this.pending[0]!;
      if (/ (missing|ambiguous)$/.test(header)) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.pending.shift();
        head.resolve(undefined);
        continue;
      }
      const [oid, type, size] = header.split(' ');
      const object: CatFileObject = { oid: oid!, type: type!, size: Number(size) };
      if (head.kind === 'info') {
        this.buffer = this.buffer.subarray(newline + 1);
        this.pending.shift();
        head.resolve(object);
        continue;
      }
      const end = newline + 1 + object.size;
      if (this.buffer.length < end + 1) return;
      object.content = Buffer.from(this.buffer.subarray(newline + 1, end));
      this.buffer = this.buffer.subarray(end + 1);
      this.pending.shift();
      head.resolve(object);
    }
  }
}

const FULL_OID = /^[0-9a-f]{40}$/;

/**
 * Plumbing over one bare repository. Reads of objects go through one persistent `cat-file`
 * process and refs are read from the filesystem; writes spawn `hash-object`, `mktree`,
 * `commit-tree` and `update-ref`. Call {@link GitStore.close} when done.
 */
export class GitStore {
  // Ref updates from this process queue here so two fake requests never collide on git's lock
  // file (which would fail the loser spuriously); the compare-and-swap itself is still git's.
  private refQueue: Promise<unknown> = Promise.resolve();
  private batchProcess: CatFileBatch | undefined;

  constructor(readonly gitDir: string) {}

  private get batch(): CatFileBatch {
    this.batchProcess ??= new CatFileBatch(this.gitDir);
    return this.batchProcess;
  }

  /** Stops the persistent cat-file process (it restarts on the next read). */
  close(): void {
    this.batchProcess?.close();
    this.batchProcess = undefined;
  }

  /** `info` or `contents` of an object name that does not involve refs (id or `<id>:<path>`). */
  private async cat(kind: 'info' | 'contents', name: string): Promise<CatFileObject | undefined> {
    if (name.includes('\n')) return undefined;
    try {
      return await this.batch.request(kind, name);
    } catch {
      // The cat-file process died (killed, or the repository was replaced): start a fresh one once.
      this.close();
      return this.batch.request(kind, name);
    }
  }

  /** Runs git against the repository. */
  git(args: readonly string[], options: RunGitOptions = {}) {
    return runGit(['--git-dir', this.gitDir, ...args], options);
  }

  private async text(args: readonly string[], options: RunGitOptions = {}): Promise<string> {
    return (await this.git(args, options)).stdout.toString('utf8').trim();
  }

  /** The branch HEAD points at (`main`), or undefined when HEAD is detached. */
  async defaultBranch(): Promise<string | undefined> {
    const head = (await readFile(join(this.gitDir, 'HEAD'), 'utf8').catch(() => '')).trim();
    return head.startsWith('ref: refs/heads/') ? head.slice('ref: refs/heads/'.length) : undefined;
  }

  /**
   * The object id a fully qualified ref points at, or undefined. Read from the loose ref file,
   * else `packed-refs`: update-ref replaces the file atomically (lock + rename), so a read sees
   * the old or the new value, never a torn one, and needs no process.
   */
  async readRef(ref: string): Promise<string | undefined> {
    if (!ref.startsWith('refs/')) throw new Error(`not a qualified ref: ${ref}`);
    if (ref.split('/').some((part) => part === '' || part === '.' || part === '..')) return undefined;
    const loose = await readFile(join(this.gitDir, ref), 'utf8').catch(() => undefined);
    if (loose !== undefined) {
      const value = loose.trim();
      if (FULL_OID.test(value)) return value;
      if (value.startsWith('ref: ')) return this.readRef(value.slice(5));
    }
    const packed = await readFile(join(this.gitDir, 'packed-refs'), 'utf8').catch(() => '');
    for (const line of packed.split('\n')) {
      if (line.endsWith(` ${ref}`) && FULL_OID.test(line.slice(0, 40))) return line.slice(0, 40);
    }
    return undefined;
  }

  /** All refs under a prefix (e.g. `refs/heads/`), as qualified name → object id. */
  async listRefs(prefix = 'refs/'): Promise<Map<string, string>> {
    const out = await this.text(['for-each-ref', '--format=%(refname) %(objectname)', prefix]);
    const refs = new Map<string, string>();
    for (const line of out.split('\n').filter(Boolean)) {
      const [name, oid] = line.split(' ');
      refs.set(name!, oid!);
    }
    return refs;
  }

  /**
   * Resolves what GitHub accepts as a "ref" in REST paths and bodies: a branch, a tag, a qualified
   * ref, or a full or abbreviated commit id. Returns the commit id, or undefined.
   */
  async resolveCommit(ref: string): Promise<string | undefined> {
    if (ref === '' || ref.startsWith('-')) return undefined;
    const direct = FULL_OID.test(ref) ? ref : undefined;
    const qualified = ref.startsWith('refs/') ? [ref] : [`refs/heads/${ref}`, `refs/tags/${ref}`];
    for (const candidate of direct ? [] : qualified) {
      const oid = await this.readRef(candidate);
      if (oid !== undefined) return this.peelToCommit(oid);
    }
    if (direct) return this.peelToCommit(direct);
    // Abbreviated ids and other revision syntax: let git resolve them.
    const result = await this.git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
      okExitCodes: [0, 1, 128],
    });
    const oid = result.stdout.toString('utf8').trim();
    return result.exitCode === 0 && oid !== '' ? oid : undefined;
  }

  /** Follows annotated tags to the commit; undefined when the object is not a commit. */
  private async peelToCommit(oid: string): Promise<string | undefined> {
    let object = await this.cat('info', oid);
    for (let depth = 0; object?.type === 'tag' && depth < 10; depth += 1) {
      const tag = await this.cat('contents', object.oid);
      const target = /^object ([0-9a-f]{40})$/m.exec(tag?.content?.toString('utf8') ?? '')?.[1];
      object = target ? await this.cat('info', target) : undefined;
    }
    return object?.type === 'commit' ? object.oid : undefined;
  }

  /**
   * Resolves a revision expression such as `main:apps/web/kustomization.yaml` or an object id.
   * Returns the object id and type, or undefined.
   */
  async resolveObject(expression: string): Promise<{ oid: string; type: string } | undefined> {
    if (expression === '' || expression.startsWith('-')) return undefined;
    // `<ref>:<path>`: the ref is read fresh, the path inside the (immutable) commit via cat-file.
    const colon = expression.indexOf(':');
    const revision = colon < 0 ? expression : expression.slice(0, colon);
    if (FULL_OID.test(revision) || /^[\w./-]+$/.test(revision)) {
      const commit = FULL_OID.test(revision) && colon < 0 ? revision : await this.resolveCommit(revision);
      if (commit !== undefined) {
        const name = colon < 0 ? commit : `${commit}:${expression.slice(colon + 1)}`;
        const object = await this.cat('info', name);
        if (object !== undefined || colon >= 0) return object && { oid: object.oid, type: object.type };
      }
    }
    const result = await this.git(['rev-parse', '--verify', '--quiet', expression], {
      okExitCodes: [0, 1, 128],
    });
    const oid = result.stdout.toString('utf8').trim();
    if (result.exitCode !== 0 || oid === '') return undefined;
    const type = await this.objectType(oid);
    return type ? { oid, type } : undefined;
  }

  /** `commit`, `tree`, `blob`, `tag`, or undefined when the object does not exist. */
  async objectType(oid: string): Promise<string | undefined> {
    if (!/^[0-9a-f]{4,40}$/.test(oid)) return undefined;
    return (await this.cat('info', oid))?.type;
  }

  /** Reads and parses a commit. */
  async readCommit(oid: string): Promise<GitCommit> {
    const object = await this.cat('contents', oid);
    if (object?.type !== 'commit') throw new Error(`not a commit: ${oid}`);
    const raw = object.content!.toString('utf8');
    const split = raw.indexOf('\n\n');
    const header = split < 0 ? raw : raw.slice(0, split);
    const message = split < 0 ? '' : raw.slice(split + 2);
    const commit: GitCommit = {
      oid: object.oid,
      tree: '',
      parents: [],
      author: { name: '', email: '', date: '' },
      committer: { name: '', email: '', date: '' },
      message,
      signed: false,
    };
    for (const line of header.split('\n')) {
      const space = line.indexOf(' ');
      const key = line.slice(0, space);
      const value = line.slice(space + 1);
      if (key === 'tree') commit.tree = value;
      else if (key === 'parent') commit.parents.push(value);
      else if (key === 'author') commit.author = parsePerson(value);
      else if (key === 'committer') commit.committer = parsePerson(value);
      else if (key === 'gpgsig') commit.signed = true;
    }
    return commit;
  }

  /** The entries of one tree object. */
  async readTree(oid: string): Promise<TreeEntry[]> {
    const object = await this.cat('contents', oid);
    if (object?.type !== 'tree') throw new Error(`not a tree: ${oid}`);
    // The binary tree format: "<mode> <name>\0<20-byte id>" per entry.
    const bytes = object.content!;
    const entries: TreeEntry[] = [];
    for (let at = 0; at < bytes.length;) {
      const space = bytes.indexOf(0x20, at);
      const nul = bytes.indexOf(0, space);
      const mode = bytes.subarray(at, space).toString('latin1').padStart(6, '0');
      const name = bytes.subarray(space + 1, nul).toString('utf8');
      const id = bytes.subarray(nul + 1, nul + 21).toString('hex');
      const type = mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob';
      entries.push({ mode, type, oid: id, name });
      at = nul + 21;
    }
    return entries;
  }

  /** Every entry below a tree (`ls-tree -r -t -l`), with blob sizes. */
  async listTree(oid: string, recursive: boolean): Promise<TreeListing[]> {
    const args = recursive ? ['ls-tree', '-z', '-r', '-t', '-l', oid] : ['ls-tree', '-z', '-l', oid];
    const out = (await this.git(args)).stdout.toString('utf8');
    return out
      .split('\0')
      .filter(Boolean)
      .map((record) => {
        const tab = record.indexOf('\t');
        const [mode, type, objectId, size] = record.slice(0, tab).split(/ +/);
        const entry: TreeListing = {
          mode: mode!,
          type: type as TreeEntry['type'],
          oid: objectId!,
          path: record.slice(tab + 1),
        };
        if (size !== undefined && size !== '-') entry.size = Number(size);
        return entry;
      });
  }

  /** The entry at `path` in a commit or tree (given by object id), or undefined. */
  async entryAt(treeish: string, path: string): Promise<TreeListing | undefined> {
    const root = await this.cat('info', treeish);
    if (root === undefined) return undefined;
    let tree = root.type === 'commit' ? (await this.readCommit(root.oid)).tree : root.oid;
    if (path === '') return { mode: '040000', type: 'tree', oid: tree, path: '' };
    const segments = path.split('/');
    for (const [index, segment] of segments.entries()) {
      const entry = (await this.readTree(tree)).find((e) => e.name === segment);
      if (entry === undefined) return undefined;
      if (index === segments.length - 1) {
        const listing: TreeListing = { mode: entry.mode, type: entry.type, oid: entry.oid, path };
        if (entry.type === 'blob') listing.size = (await this.cat('info', entry.oid))?.size ?? 0;
        return listing;
      }
      if (entry.type !== 'tree') return undefined;
      tree = entry.oid;
    }
    return undefined;
  }

  /** The bytes of a blob. */
  async readBlob(oid: string): Promise<Buffer> {
    const object = await this.cat('contents', oid);
    if (object?.type !== 'blob') throw new Error(`not a blob: ${oid}`);
    return object.content!;
  }

  /** Stores bytes as a blob and returns its id. */
  async writeBlob(bytes: Uint8Array): Promise<string> {
    return this.text(['hash-object', '-w', '--stdin'], { input: bytes });
  }

  /** Stores a tree object from entries (`mktree -z`) and returns its id. */
  async writeTree(entries: readonly TreeEntry[]): Promise<string> {
    const input = entries.map((e) => `${e.mode} ${e.type} ${e.oid}\t${e.name}\0`).join('');
    return this.text(['mktree', '-z', '--missing'], { input });
  }

  /**
   * Applies changes to `base` (a tree id, or undefined for an empty tree) and returns the new tree
   * id. Directories left empty disappear, as in git. Throws {@link MissingPathError} when a
   * deletion names a path that does not exist, and {@link InvalidPathError} for unusable paths.
   */
  async buildTree(base: string | undefined, changes: readonly TreeChange[], prefix = ''): Promise<string> {
    const entries = new Map<string, TreeEntry>();
    if (base !== undefined && base !== EMPTY_TREE) {
      for (const entry of await this.readTree(base)) entries.set(entry.name, entry);
    }
    const nested = new Map<string, TreeChange[]>();
    for (const change of changes) {
      const segments = change.path.split('/');
      for (const segment of segments) {
        if (segment === '' || segment === '.' || segment === '..' || segment.toLowerCase() === '.git') {
          throw new InvalidPathError(prefix + change.path);
        }
      }
      const [head, ...rest] = segments as [string, ...string[]];
      if (rest.length > 0) {
        nested.set(head, [...(nested.get(head) ?? []), { ...change, path: rest.join('/') }]);
      } else if ('delete' in change) {
        if (!entries.delete(head)) throw new MissingPathError(prefix + change.path);
      } else {
        entries.set(head, {
          mode: normaliseMode(change.mode),
          type: change.type,
          oid: change.oid,
          name: head,
        });
      }
    }
    for (const [dir, subChanges] of nested) {
      const existing = entries.get(dir);
      const subBase = existing?.type === 'tree' ? existing.oid : undefined;
      if (existing !== undefined && existing.type !== 'tree' && subChanges.some((c) => 'delete' in c)) {
        throw new MissingPathError(prefix + dir + '/' + subChanges.find((c) => 'delete' in c)!.path);
      }
      const oid = await this.buildTree(subBase, subChanges, `${prefix}${dir}/`);
      if (oid === EMPTY_TREE) entries.delete(dir);
      else entries.set(dir, { mode: '040000', type: 'tree', oid, name: dir });
    }
    return entries.size === 0 ? EMPTY_TREE : this.writeTree([...entries.values()]);
  }

  /** Writes a commit object (`commit-tree`) with explicit identities and dates; returns its id. */
  async commitTree(input: {
    tree: string;
    parents: readonly string[];
    message: string;
    author: GitPerson;
    committer: GitPerson;
  }): Promise<string> {
    const args = ['commit-tree', input.tree, ...input.parents.flatMap((p) => ['-p', p])];
    // The message goes through stdin so it is stored byte for byte (no -m paragraph joining).
    return this.text(args, {
      input: input.message,
      env: {
        GIT_AUTHOR_NAME: input.author.name,
        GIT_AUTHOR_EMAIL: input.author.email,
        GIT_AUTHOR_DATE: input.author.date,
        GIT_COMMITTER_NAME: input.committer.name,
        GIT_COMMITTER_EMAIL: input.committer.email,
        GIT_COMMITTER_DATE: input.committer.date,
      },
    });
  }

  /**
   * Compare-and-swap of a ref: moves `ref` to `next` only if it still points at `expected`
   * (`ZERO_OID` = must not exist). Returns false when someone else moved it first.
   */
  updateRef(ref: string, next: string, expected: string): Promise<boolean> {
    const run = this.refQueue.then(async () => {
      try {
        await this.git(['update-ref', '-m', 'github-fake', ref, next, expected]);
        return true;
      } catch (error) {
        if (error instanceof GitCommandError) return false;
        throw error;
      }
    });
    this.refQueue = run.catch(() => undefined);
    return run;
  }

  /** Deletes a ref if it still points at `expected`. */
  deleteRef(ref: string, expected: string): Promise<boolean> {
    const run = this.refQueue.then(async () => {
      try {
        await this.git(['update-ref', '-d', ref, expected]);
        return true;
      } catch (error) {
        if (error instanceof GitCommandError) return false;
        throw error;
      }
    });
    this.refQueue = run.catch(() => undefined);
    return run;
  }

  /** Whether `ancestor` is reachable from `descendant` (equal counts as ancestor). */
  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const result = await this.git(['merge-base', '--is-ancestor', ancestor, descendant], {
      okExitCodes: [0, 1],
    });
    return result.exitCode === 0;
  }

  /** A three-way merge of two commits without a worktree; `tree` is undefined on conflict. */
  async mergeTrees(ours: string, theirs: string): Promise<{ tree: string | undefined }> {
    const result = await this.git(['merge-tree', '--write-tree', '--no-messages', ours, theirs], {
      okExitCodes: [0, 1],
    });
    return { tree: result.exitCode === 0 ? result.stdout.toString('utf8').trim().split('\n')[0] : undefined };
  }

  /** Commits in `git log` order starting at `oid`, optionally limited to those touching `path`. */
  async history(oid: string, options: { skip: number; max: number; path?: string }): Promise<string[]> {
    const args = ['rev-list', `--skip=${options.skip}`, `--max-count=${options.max}`, oid];
    if (options.path !== undefined) args.push('--', options.path);
    return (await this.text(args)).split('\n').filter(Boolean);
  }

  /** How many commits `history` would list in total. */
  async historyCount(oid: string, path?: string): Promise<number> {
    const args = ['rev-list', '--count', oid];
    if (path !== undefined) args.push('--', path);
    return Number(await this.text(args));
  }

  /** Files a commit changed against its first parent (or all files for a root commit). */
  async diffCommit(commit: GitCommit): Promise<FileChange[]> {
    const parent = commit.parents[0];
    const range = parent === undefined ? ['--root', commit.oid] : [parent, commit.oid];
    const raw = (await this.git(['diff-tree', '-r', '-z', '-M', '--no-commit-id', '--raw', ...range])).stdout
      .toString('utf8')
      .split('\0');
    const numstat = (
      await this.git(['diff-tree', '-r', '-z', '-M', '--no-commit-id', '--numstat', ...range])
    ).stdout
      .toString('utf8')
      .split('\0');
    const changes: FileChange[] = [];
    for (let i = 0; i < raw.length - 1;) {
      const meta = raw[i++]!;
      if (!meta.startsWith(':')) continue;
      const [, , , newOid, statusField] = meta.slice(1).split(' ');
      const code = statusField![0]!;
      let path = raw[i++]!;
      let previousPath: string | undefined;
      if (code === 'R' || code === 'C') {
        previousPath = path;
        path = raw[i++]!;
      }
      const status = ({ A: 'added', D: 'removed', M: 'modified', R: 'renamed', C: 'copied' } as const)[
        code as 'A'
      ];
      changes.push({
        path,
        ...(previousPath !== undefined ? { previousPath } : {}),
        status: status ?? 'changed',
        oid: code === 'D' ? null : newOid!,
        additions: 0,
        deletions: 0,
        binary: false,
      });
    }
    // numstat records: "ADD\tDEL\tPATH" or, for renames, "ADD\tDEL\t" followed by two paths.
    let index = 0;
    for (let i = 0; i < numstat.length - 1 && index < changes.length;) {
      const record = numstat[i++]!;
      const [added, deleted, path] = record.split('\t');
      if (path === '') i += 2;
      const change = changes[index++]!;
      change.binary = added === '-';
      change.additions = added === '-' ? 0 : Number(added);
      change.deletions = deleted === '-' ? 0 : Number(deleted);
    }
    for (const change of changes) {
      if (change.binary) continue;
      const paths = change.previousPath !== undefined ? [change.previousPath, change.path] : [change.path];
      const patch = (
        await this.git(['diff-tree', '-p', '-M', '--no-commit-id', ...range, '--', ...paths])
      ).stdout
        .toString('utf8')
        .split('\n');
      const start = patch.findIndex((line) => line.startsWith('@@'));
      if (start >= 0) change.patch = patch.slice(start).join('\n').replace(/\n$/, '');
    }
    return changes;
  }
}

/** Parses `Name <email> 1700000000 +0200` into a person with an ISO date keeping the offset. */
function parsePerson(value: string): GitPerson {
  const match = /^(.*) <(.*)> (\d+) ([+-])(\d\d)(\d\d)$/.exec(value);
  if (!match) return { name: value, email: '', date: new Date(0).toISOString() };
  const [, name, email, seconds, sign, hours, minutes] = match;
  const offsetMinutes = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  const local = new Date((Number(seconds) + offsetMinutes * 60) * 1000)
    .toISOString()
    .replace(/\.\d{3}Z$/, '');
  const offset = offsetMinutes === 0 ? 'Z' : `${sign}${hours}:${minutes}`;
  return { name: name!, email: email!, date: `${local}${offset}` };
}

/** GitHub writes directory modes as `040000`; git stores and prints `40000`/`040000` alike. */
function normaliseMode(mode: string): string {
  return mode === '40000' ? '040000' : mode;
}
