export const id = 335;
export const ids = [335];
export const modules = {

/***/ 85335:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   revertCommand: () => (/* binding */ revertCommand)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _gitops_revert_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96440);
/* harmony import */ var _gitops_options_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(30452);



const revertCommand = {
    name: 'revert',
    description: [
        "Writes the files that this service's Glidepath commits changed back to their bytes at an",
        'earlier commit (--previous: the state before the latest Glidepath commit; --to SHA: that',
        'commit), as a new compare-and-swap commit with a Glidepath-Revert-Of trailer. The digest being',
        'reverted is added to the quarantine file, so desire and the gate refuse it until a person',
        'removes the line. Running the same revert twice commits nothing the second time.',
        '',
        'Exit status: 0 reverted or nothing to revert, 2 bad input, 3 retries exhausted, 70 internal error.',
    ].join('\n'),
    options: [
        {
            name: 'previous',
            type: 'boolean',
            description: 'restore the state before the latest Glidepath commit',
        },
        { name: 'to', type: 'string', placeholder: 'SHA', description: 'restore the state at this commit' },
        {
            name: 'reason',
            type: 'string',
            placeholder: 'TEXT',
            description: 'why; recorded in the commit and the quarantine entry',
        },
        {
            name: 'no-quarantine',
            type: 'boolean',
            description: 'do not quarantine the reverted digest (a configuration mistake)',
        },
        ..._gitops_options_js__WEBPACK_IMPORTED_MODULE_2__/* .GITOPS_OPTIONS */ .q,
    ],
    examples: [
        'glidepath revert --policy glidepath.yaml --previous --reason "p99 latency 0.41s > 0.2s at 25%"',
        'glidepath revert --policy glidepath.yaml --to 4f1c2ab --repo ../gitops',
    ],
    async run(values, io) {
        const to = values.to;
        if (Boolean(values.previous) === (to !== undefined))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('give exactly one of --previous or --to SHA');
        const { policy, desired, checkout } = await (0,_gitops_options_js__WEBPACK_IMPORTED_MODULE_2__/* .gitopsPolicy */ .RR)(values, io);
        const writer = await (0,_gitops_options_js__WEBPACK_IMPORTED_MODULE_2__/* .openWriter */ .Kn)(desired, io, checkout);
        try {
            const plan = await (0,_gitops_revert_js__WEBPACK_IMPORTED_MODULE_1__/* .planRevert */ ._)(writer, {
                branch: desired.branch,
                scope: policy.service ? { service: policy.service } : {},
                target: to !== undefined ? { to } : { previous: true },
                verdict: 'revert',
                quarantineFile: desired.quarantineFile,
                ...(values.reason ? { reason: values.reason } : {}),
                ...(values['no-quarantine'] ? { skipQuarantine: true } : {}),
                now: io.now,
            });
            const result = await writer.commit(plan.request);
            const summary = {
                ...result,
                target: plan.target,
                revertOf: plan.revertOf,
                paths: plan.paths,
                quarantined: plan.quarantined?.digest ?? null,
            };
            io.stdout(values.json
                ? JSON.stringify(summary, null, 2) + '\n'
                : `${result.status}: restored ${plan.paths.join(', ')} to ${plan.target} (undoing ${plan.revertOf}) at ${result.sha}` +
                    (plan.quarantined ? `; quarantined ${plan.quarantined.digest}` : '') +
                    '\n');
            return _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ExitCode */ .yU.ok;
        }
        finally {
            await writer.close();
        }
    },
};


/***/ }),

/***/ 70912:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ ImageRef),
/* harmony export */   n: () => (/* binding */ Digest)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

/**
 * distribution/reference's ReferenceRegexp (reference.go / regexp.go at 0965666), with `[[:xdigit:]]`
 * spelled out for JavaScript. Groups: 1 name, 2 tag, 3 digest.
 */
const REFERENCE = /^((?:(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[(?:[a-fA-F0-9:]+)\])(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*)*)(?::([\w][\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}))?$/;
/** Repository names longer than this are refused by registries (RepositoryNameTotalLengthMax). */
const NAME_MAX = 255;
/**
 * Admission is stricter than the reference grammar: the OCI image spec says sha256 digests are
 * exactly 64 lowercase hex characters ("[A-F] MUST NOT be used"), sha512 128.
 */
const DIGEST_HEX = { sha256: /^[a-f0-9]{64}$/, sha512: /^[a-f0-9]{128}$/ };
const HOW_TO_PIN = 'pass the image by digest, e.g. ghcr.io/acme/checkout@sha256:<64 lowercase hex> ' +
    '(docker buildx prints it as "digest"; `crane digest REF` or `docker inspect --format "{{index .RepoDigests 0}}"` resolve a tag)';
/** A content digest such as `sha256:4f…`. Immutable; equal digests compare equal as strings. */
class Digest {
    algorithm;
    hex;
    constructor(algorithm, hex) {
        this.algorithm = algorithm;
        this.hex = hex;
    }
    /** Parses `algorithm:hex`; `field` names the source of the value for the error message. */
    static parse(text, field = 'digest') {
        const separator = text.indexOf(':');
        const algorithm = text.slice(0, separator);
        const hex = text.slice(separator + 1);
        if (separator < 0 || !(algorithm in DIGEST_HEX)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${field}: "${text}" is not a sha256 or sha512 digest; ${HOW_TO_PIN}`);
        }
        if (!DIGEST_HEX[algorithm].test(hex)) {
            const length = algorithm === 'sha256' ? 64 : 128;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${field}: "${text}" must be ${algorithm}: followed by exactly ${length} lowercase hex characters; ${HOW_TO_PIN}`);
        }
        return new Digest(algorithm, hex);
    }
    /** Like parse, but returns undefined instead of throwing (for digests found inside evidence). */
    static tryParse(text) {
        try {
            return Digest.parse(text.toLowerCase());
        }
        catch {
            return undefined;
        }
    }
    equals(other) {
        return this.algorithm === other.algorithm && this.hex === other.hex;
    }
    toString() {
        return `${this.algorithm}:${this.hex}`;
    }
}
/** A container image reference pinned by digest: `registry/repo[:tag]@sha256:…`. */
class ImageRef {
    name;
    tag;
    digest;
    constructor(
    /** Repository name as written, including any registry host ("ghcr.io/acme/checkout"). */
    name, 
    /** Tag, when the reference carried one next to the digest (informational only). */
    tag, digest) {
        this.name = name;
        this.tag = tag;
        this.digest = digest;
    }
    /**
     * Parses a digest-pinned reference. A tag-only, empty or malformed reference is a
     * ConfigurationError telling the user to pass the digest. `field` names the flag or input.
     */
    static parse(text, field = '--artifact') {
        const trimmed = text.trim();
        if (!trimmed)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${field} is empty; ${HOW_TO_PIN}`);
        const match = REFERENCE.exec(trimmed);
        if (!match) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${field}: "${trimmed}" is not a valid image reference (registry/repository[:tag]@sha256:…); ${HOW_TO_PIN}`);
        }
        const [, name = '', tag, digest] = match;
        if (name.length > NAME_MAX) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${field}: repository name is longer than ${NAME_MAX} characters`);
        }
        if (!digest) {
            const what = tag ? `tag "${tag}"` : 'no tag or digest';
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${field}: "${trimmed}" names the image by ${what}, and tags can move: Glidepath admits images only by digest; ${HOW_TO_PIN}`);
        }
        return new ImageRef(name, tag, Digest.parse(digest, field));
    }
    /** The canonical pinned form `name@digest` (the tag is dropped: the digest decides). */
    toString() {
        return `${this.name}@${this.digest}`;
    }
}


/***/ }),

/***/ 34910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fo: () => (/* binding */ quarantineChange),
/* harmony export */   Q_: () => (/* binding */ DEFAULT_QUARANTINE_FILE),
/* harmony export */   c1: () => (/* binding */ assertNotQuarantined),
/* harmony export */   fK: () => (/* binding */ isQuarantined)
/* harmony export */ });
/* unused harmony exports QuarantinedError, parseQuarantine, addToQuarantine */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _yaml_list_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46897);
/* harmony import */ var _evidence_image_ref_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(70912);
/**
 * The quarantine list: digests that failed a rollout, kept in the GitOps repository itself
 * (`.glidepath/quarantine.yaml` by default) so that every writer sees it, it is reviewed like any
 * other change, and re-admitting a digest is a deliberate, recorded act: a person deletes the
 * entry. `verify` and `desire` refuse a quarantined digest; `revert` adds the digest it reverts.
 *
 * ```yaml
 * digests:
 *   - digest: sha256:4f…
 *     image: ghcr.io/acme/checkout
 *     reason: "error-rate 0.4% above 0.1% at step 3/6"
 *     rollout: checkout-production-42
 *     at: "2026-05-04T10:12:00.000Z"
 * ```
 *
 * Reading is lenient (only `digest` is required, so a hand-written entry still blocks); writing is
 * strict and appends without reformatting anything already in the file.
 */




/** Where the quarantine list lives unless the policy says otherwise. */
const DEFAULT_QUARANTINE_FILE = '.glidepath/quarantine.yaml';
/**
 * The digest is quarantined. Exit 2 like any configuration problem: nothing is wrong with
 * Glidepath, and a person must decide whether to re-admit the digest.
 */
class QuarantinedError extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1 {
    entry;
    file;
    constructor(entry, file) {
        const why = [
            entry.reason && `reason: ${entry.reason}`,
            entry.rollout && `rollout ${entry.rollout}`,
            entry.at && `since ${entry.at}`,
        ]
            .filter(Boolean)
            .join('; ');
        super(`${entry.digest} is quarantined${why ? ` (${why})` : ''}; Glidepath will not deploy it. To re-admit it, ` +
            `delete its entry (the "- digest: ${entry.digest}" item) from ${file} in a reviewed commit`, `${file}:${entry.line}:${entry.column}`);
        this.entry = entry;
        this.file = file;
    }
}
/**
 * Every entry of a quarantine file; undefined or empty text means none. A file Glidepath cannot
 * read is a ConfigurationError at FILE:LINE:COL: a broken list must not silently admit anything.
 */
function parseQuarantine(text, file = DEFAULT_QUARANTINE_FILE) {
    const list = (0,_yaml_list_js__WEBPACK_IMPORTED_MODULE_2__/* .readYamlList */ .O)(text, file, 'digests', 'a `digests:` list');
    if (!list)
        return [];
    const { at } = list;
    return list.items.map((item, index) => {
        const where = at(item);
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(item)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`digests[${index}]: expected a mapping with at least "digest: sha256:…"`, where);
        }
        const field = (key) => {
            const value = item.get(key, true);
            if (value === undefined || value === null)
                return undefined;
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(value) || value.value === null)
                return undefined;
            return String(value.value);
        };
        const digest = field('digest');
        if (!digest)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`digests[${index}]: missing "digest: sha256:…"`, where);
        const parsed = _evidence_image_ref_js__WEBPACK_IMPORTED_MODULE_3__/* .Digest */ .n.tryParse(digest);
        if (!parsed) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`digests[${index}].digest: "${digest}" is not a sha256 or sha512 digest`, at(item.get('digest', true)));
        }
        const { line, col } = list.position(item);
        const entry = { digest: parsed.toString(), line, column: col };
        for (const key of ['image', 'reason', 'rollout', 'at']) {
            const value = field(key);
            if (value !== undefined)
                entry[key] = value;
        }
        return entry;
    });
}
/** The entry that quarantines `digest`, or undefined when it is admitted. */
function isQuarantined(text, digest, file = DEFAULT_QUARANTINE_FILE) {
    const wanted = typeof digest === 'string' ? _evidence_image_ref_js__WEBPACK_IMPORTED_MODULE_3__/* .Digest */ .n.parse(digest) : digest;
    return parseQuarantine(text, file).find((entry) => _evidence_image_ref_js__WEBPACK_IMPORTED_MODULE_3__/* .Digest */ .n.parse(entry.digest).equals(wanted));
}
/** Throws QuarantinedError when `digest` is in the list. */
function assertNotQuarantined(text, digest, file = DEFAULT_QUARANTINE_FILE) {
    const entry = isQuarantined(text, digest, file);
    if (entry)
        throw new QuarantinedError(entry, file);
}
/**
 * `text` with `entry` appended (idempotent: the text is returned as it is when the digest is
 * already listed). Existing bytes are kept: the entry is spliced in after the last item, in the
 * list's indentation and line ending; a missing file gets a short header explaining the file.
 */
function addToQuarantine(text, entry, file = DEFAULT_QUARANTINE_FILE) {
    const digest = _evidence_image_ref_js__WEBPACK_IMPORTED_MODULE_3__/* .Digest */ .n.parse(entry.digest, 'quarantine digest').toString();
    if (isQuarantined(text, digest, file))
        return text;
    const eol = text?.includes('\r\n') ? '\r\n' : '\n';
    const item = (indent) => entryLines({ ...entry, digest }, indent).join(eol) + eol;
    if (text === undefined || text.trim() === '') {
        return [
            '# Digests Glidepath refuses to deploy: `desire` and `verify` check this list, `revert` adds to it.',
            '# To re-admit a digest, delete its entry in a reviewed commit.',
            'digests:',
            item('  ').replace(/\r?\n$/, ''),
            '',
        ].join(eol);
    }
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text);
    const root = doc.contents;
    const withNewline = /\n$/.test(text) ? text : text + eol;
    if (root === null || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root) && !root.has('digests'))) {
        return `${withNewline}digests:${eol}${item('  ')}`;
    }
    const digests = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root) ? root.get('digests', true) : undefined;
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(digests) && digests.items.length > 0 && !digests.flow && digests.range) {
        const start = digests.range[0];
        const lineStart = text.lastIndexOf('\n', start - 1) + 1;
        const indent = text.slice(lineStart, start);
        const end = digests.range[1];
        const before = text.slice(0, end);
        const joint = /\n$/.test(before) ? '' : eol;
        return `${before}${joint}${item(indent)}${text.slice(end)}`;
    }
    // Unusual shapes (`digests: []`, a flow list, `digests:` with nothing under it): let the YAML
    // library rewrite the list; comments survive, though its formatting may change.
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root)) {
        const pair = root.items.find((candidate) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(candidate.key) && candidate.key.value === 'digests');
        if (pair) {
            const items = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(pair.value) ? pair.value.toJSON() : [];
            const list = doc.createNode([...items, compact({ ...entry, digest })]);
            list.flow = false;
            pair.value = list;
            return doc.toString({ lineWidth: 0 }).replace(/\n/g, eol);
        }
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('expected a mapping with a `digests:` list', `${file}:1:1`);
}
/** A DesiredChange that adds `entry` to the quarantine file at `file`. */
function quarantineChange(entry, file = DEFAULT_QUARANTINE_FILE) {
    return {
        path: file,
        intent: `quarantine ${entry.digest}`,
        render: (current) => addToQuarantine(current, entry, file),
    };
}
function entryLines(entry, indent) {
    const fields = compact(entry);
    const keys = Object.keys(fields);
    return keys.map((key, index) => `${index === 0 ? `${indent}- ` : `${indent}  `}${key}: ${scalar(key, fields[key])}`);
}
/** Digests, images and rollout ids are plain; free text and timestamps are double-quoted (JSON is valid YAML). */
function scalar(key, value) {
    if ((key === 'digest' || key === 'image' || key === 'rollout') && /^[\w./:@-]+$/.test(value))
        return value;
    return JSON.stringify(value.replace(/[\r\n]+/g, ' '));
}
function compact(entry) {
    const out = { digest: entry.digest };
    for (const key of ['image', 'reason', 'rollout', 'at']) {
        const value = entry[key];
        if (value !== undefined && value !== '')
            out[key] = value;
    }
    return out;
}


/***/ }),

/***/ 96440:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ planRevert)
/* harmony export */ });
/* unused harmony export isInScope */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _quarantine_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(34910);
/**
 * Planning a revert. A revert is not `git revert`: it writes the earlier desired state again, as a
 * new compare-and-swap commit whose files are byte-identical to that state. Only the files that
 * this service's (or rollout's) Glidepath commits touched since then are restored, so other
 * services' commits on the same branch survive. The reverted digest goes into the quarantine list
 * in the same commit, so an image updater or a re-run cannot roll it forward again.
 */


/** Plans the revert described by `options` from `history`; see the module comment. */
async function planRevert(history, options) {
    const depth = options.depth ?? 100;
    const quarantineFile = options.quarantineFile ?? _quarantine_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_QUARANTINE_FILE */ .Q_;
    const commits = await history.log(options.branch, depth);
    const inScope = (commit) => isInScope(commit, options.scope);
    const scopeName = describeScope(options.scope);
    let targetSha;
    let anchor;
    if ('previous' in options.target) {
        anchor = commits.find((commit) => inScope(commit) && !commit.trailers['Glidepath-Revert-Of']);
        if (!anchor) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`no Glidepath commit of ${scopeName} among the last ${depth} commits of ${options.branch}; there is nothing to revert (use --to SHA to name a state)`);
        }
        const parent = anchor.parents[0];
        if (!parent) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${anchor.sha} is the first commit of ${options.branch}; there is no earlier state`);
        }
        targetSha = parent;
    }
    else {
        targetSha = resolveSha(commits, options.target.to, options.branch, depth);
    }
    const targetIndex = commits.findIndex((commit) => commit.sha === targetSha);
    const later = targetIndex < 0 ? commits : commits.slice(0, targetIndex);
    const reverted = later.filter(inScope);
    if (reverted.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`no Glidepath commit of ${scopeName} after ${short(targetSha)} on ${options.branch}; the desired state is already that of ${short(targetSha)}`);
    }
    const touched = new Set();
    for (const commit of reverted) {
        for (const path of await history.changedFiles(commit.sha))
            touched.add(path);
    }
    touched.delete(quarantineFile);
    const paths = [...touched].sort();
    const changes = [];
    for (const path of paths) {
        const content = await history.readFile(targetSha, path);
        changes.push({
            path,
            intent: `restore ${path} from ${targetSha}`,
            // Byte-identical to the target state, whatever is there now; undefined deletes a file the
            // later commits created.
            render: () => content,
        });
    }
    // With --to, the commit undone is the newest forward (non-revert) commit in scope.
    const undone = anchor ?? reverted.find((commit) => !commit.trailers['Glidepath-Revert-Of']) ?? reverted[0];
    const newestDigest = reverted.find((commit) => commit.trailers['Glidepath-Digest'])?.trailers['Glidepath-Digest'];
    const olderCommits = targetIndex < 0 ? [] : commits.slice(targetIndex);
    const restoredDigest = olderCommits.find((commit) => inScope(commit) && commit.trailers['Glidepath-Digest'])
        ?.trailers['Glidepath-Digest'];
    let quarantined;
    if (!options.skipQuarantine && newestDigest && newestDigest !== restoredDigest) {
        quarantined = {
            digest: newestDigest,
            ...(options.image ? { image: options.image } : {}),
            reason: options.reason ?? `reverted to ${short(targetSha)}`,
            ...(undone.trailers['Glidepath-Rollout'] ? { rollout: undone.trailers['Glidepath-Rollout'] } : {}),
            at: (options.now ?? (() => new Date()))().toISOString(),
        };
        changes.push((0,_quarantine_js__WEBPACK_IMPORTED_MODULE_1__/* .quarantineChange */ .Fo)(quarantined, quarantineFile));
    }
    const trailers = { 'Glidepath-Revert-Of': undone.sha };
    const rollout = options.scope.rollout ?? undone.trailers['Glidepath-Rollout'];
    if (rollout)
        trailers['Glidepath-Rollout'] = rollout;
    const service = options.scope.service ?? undone.trailers['Glidepath-Service'];
    if (service)
        trailers['Glidepath-Service'] = service;
    if (restoredDigest)
        trailers['Glidepath-Digest'] = restoredDigest;
    if (options.verdict)
        trailers['Glidepath-Verdict'] = options.verdict;
    const body = [
        options.reason ?? '',
        `Restores ${paths.length === 1 ? paths[0] : `${paths.length} files`} to their content at ${targetSha}, undoing:`,
        ...reverted.map((commit) => `  ${short(commit.sha)} ${commit.headline}`),
        quarantined ? `Quarantines ${quarantined.digest} in ${quarantineFile}.` : '',
    ]
        .filter(Boolean)
        .join('\n');
    return {
        target: targetSha,
        revertOf: undone.sha,
        reverted,
        paths,
        ...(quarantined ? { quarantined } : {}),
        request: {
            branch: options.branch,
            headline: `Revert ${service ?? rollout ?? 'desired state'} to ${short(targetSha)}`,
            body,
            trailers,
            changes,
        },
    };
}
/** Whether `commit` is a Glidepath commit of `scope` (any Glidepath commit for an empty scope). */
function isInScope(commit, scope) {
    const trailers = commit.trailers;
    if (!trailers['Glidepath-Intent'] && !trailers['Glidepath-Rollout'] && !trailers['Glidepath-Service']) {
        // Not written by Glidepath. With no scope every later commit counts (a plain `--to SHA`).
        return !scope.service && !scope.rollout;
    }
    if (scope.service && trailers['Glidepath-Service'] !== scope.service)
        return false;
    if (scope.rollout && trailers['Glidepath-Rollout'] !== scope.rollout)
        return false;
    return true;
}
function resolveSha(commits, wanted, branch, depth) {
    const text = wanted.trim().toLowerCase();
    if (!/^[0-9a-f]{7,64}$/.test(text)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`--to ${JSON.stringify(wanted)} is not a commit sha; give at least 7 hex digits`);
    }
    const matches = commits.filter((commit) => commit.sha.startsWith(text));
    if (matches.length === 1)
        return matches[0].sha;
    if (matches.length > 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`--to ${wanted} is ambiguous among the last ${depth} commits of ${branch}; give more digits`);
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`--to ${wanted} is not among the last ${depth} commits of ${branch}; pass a commit of that branch (git log --oneline ${branch})`);
}
function describeScope(scope) {
    if (scope.service && scope.rollout)
        return `service ${scope.service}, rollout ${scope.rollout}`;
    if (scope.service)
        return `service ${scope.service}`;
    if (scope.rollout)
        return `rollout ${scope.rollout}`;
    return 'any service';
}
function short(sha) {
    return sha.slice(0, 12);
}


/***/ }),

/***/ 46897:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ readYamlList)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/**
 * The shape the GitOps repository's own lists share (`.glidepath/quarantine.yaml`'s `digests:`,
 * `overrides.yaml`'s `overrides:`): a YAML mapping holding one list under `key`. Reading is the same
 * for each — empty text or an empty list is no entries; anything else that is not that shape is a
 * ConfigurationError at FILE:LINE:COL — so it lives here once; each file then reads its entries.
 */


/**
 * The list under `key` in `text` (`file` names it in errors); undefined when there are no entries.
 * `shape` completes "expected a mapping with …", e.g. "a `digests:` list".
 */
function readYamlList(text, file, key, shape) {
    if (text === undefined || text.trim() === '')
        return undefined;
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter: lines, prettyErrors: false });
    const position = (node) => {
        const range = node?.range;
        return lines.linePos(range?.[0] ?? 0);
    };
    const at = (node) => {
        const { line, col } = position(node);
        return `${file}:${line}:${col}`;
    };
    const first = doc.errors[0];
    if (first) {
        const { line, col } = lines.linePos(first.pos[0]);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`invalid YAML: ${first.message.split('\n')[0]}`, `${file}:${line}:${col}`);
    }
    const root = doc.contents;
    if (root === null)
        return undefined;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`expected a mapping with ${shape}`, at(root));
    const list = root.get(key, true);
    if (list === undefined || list === null || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(list) && list.value === null))
        return undefined;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(list))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${key}: expected a list of entries`, at(list));
    return { items: list.items, at, position };
}


/***/ })

};

//# sourceMappingURL=335.index.js.map