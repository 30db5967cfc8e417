export const id = 875;
export const ids = [875];
export const modules = {

/***/ 42875:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   desireCommand: () => (/* binding */ desireCommand)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _evidence_image_ref_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70912);
/* harmony import */ var _gitops_desire_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(19486);
/* harmony import */ var _gitops_options_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(30452);




const SAY = {
    committed: 'committed',
    unchanged: 'already at the desired state; nothing committed',
    'already-applied': 'already committed by an earlier attempt; nothing committed again',
};
const desireCommand = {
    name: 'desire',
    description: [
        "Applies the policy's desired section in one commit: the image (pinned by digest) in every",
        'target manifest, the canary weight on the route and the flag split, each edit byte-minimal. The',
        'commit carries Glidepath-* trailers and lands only on the head it was rendered on: when another',
        'writer moved the branch, the edits are rendered again on the new head. A digest listed in the',
        'quarantine file is refused. Tokens come from GLIDEPATH_TOKEN or GITHUB_TOKEN.',
        '',
        'Exit status: 0 committed or already there, 2 bad input, refused edit or quarantined digest,',
        '3 the branch kept moving or the host kept failing after bounded retries, 70 internal error.',
    ].join('\n'),
    options: [
        {
            name: 'artifact',
            type: 'string',
            required: true,
            placeholder: 'REF',
            description: 'the image pinned by digest',
        },
        {
            name: 'weight',
            type: 'string',
            placeholder: 'PCT',
            description: 'canary traffic and flag percentage, 0-100',
        },
        {
            name: 'rollout',
            type: 'string',
            placeholder: 'ID',
            description: 'rollout id for the trailer (default: service and digest)',
        },
        ..._gitops_options_js__WEBPACK_IMPORTED_MODULE_3__/* .GITOPS_OPTIONS */ .q,
    ],
    examples: [
        'glidepath desire --policy glidepath.yaml --artifact ghcr.io/acme/checkout@sha256:0123…cdef --weight 5',
        'GITHUB_TOKEN=… glidepath desire --artifact ghcr.io/acme/checkout@sha256:0123…cdef --repo acme/gitops',
    ],
    async run(values, io) {
        const image = _evidence_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .ImageRef */ .j.parse(values.artifact);
        const weightText = values.weight;
        if (weightText !== undefined && !/^(100|[1-9]?\d)$/.test(weightText)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--weight must be a whole percentage 0-100, got "${weightText}"`);
        }
        const { policy, desired, checkout } = await (0,_gitops_options_js__WEBPACK_IMPORTED_MODULE_3__/* .gitopsPolicy */ .RR)(values, io);
        const request = (0,_gitops_desire_js__WEBPACK_IMPORTED_MODULE_2__/* .desireCommit */ .q)(desired, {
            image,
            ...(weightText !== undefined ? { weight: Number(weightText) } : {}),
            ...(policy.service ? { service: policy.service } : {}),
            ...(values.rollout ? { rollout: values.rollout } : {}),
        });
        const writer = await (0,_gitops_options_js__WEBPACK_IMPORTED_MODULE_3__/* .openWriter */ .Kn)(desired, io, checkout);
        try {
            const result = await writer.commit(request);
            io.stdout(values.json
                ? JSON.stringify({ ...result, branch: desired.branch, trailers: request.trailers }, null, 2) + '\n'
                : `${SAY[result.status]}: ${desired.repo} ${desired.branch} at ${result.sha} (${result.attempts} attempt${result.attempts === 1 ? '' : 's'})\n`);
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

/***/ 19486:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q: () => (/* binding */ desireCommit)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/manifests/set-image.ts + 16 modules
var set_image = __webpack_require__(1905);
// EXTERNAL MODULE: ./src/traffic/flags/set-flag.ts + 3 modules
var set_flag = __webpack_require__(70601);
// EXTERNAL MODULE: ./src/manifests/yaml-edit.ts
var yaml_edit = __webpack_require__(13036);
// EXTERNAL MODULE: ./src/traffic/routers/index.ts + 8 modules
var routers = __webpack_require__(74928);
;// CONCATENATED MODULE: ./src/traffic/set-header-route.ts
/**
 * Switching a header route on or off in one manifest file: the traffic part of a rollout's
 * header-route step (`exposure.headerRoute`) and of leaving it. On, requests carrying `header:
 * value` reach the canary whatever the weight, so testers can try it at weight 0; off, they go back
 * to stable, so a reversal never leaves testers on a bad canary (issue 5, "a header-route step";
 * anchors-rollouts.md: Argo `setHeaderRoute`, Flagger `match` headers). Pure: text in, text out.
 */



/**
 * Plans switching `request.header` on or off for `request.route` in `text`. A router without
 * header routes, or a route without a rule for the header (or, to switch off, without a stable
 * backend in that rule), is a ConfigurationError naming the file and what to add; nothing is
 * planned then.
 */
function planSetHeaderRoute(text, file, request) {
    const router = (0,routers/* routerFor */.NF)(request.router);
    if (!router.planHeaderRoute || !router.readHeaderRoute) {
        const able = routers/* ROUTER_NAMES */.x$.filter((name) => {
            const candidate = (0,routers/* routerFor */.NF)(name);
            return candidate.planHeaderRoute !== undefined && candidate.readHeaderRoute !== undefined;
        });
        throw new errors/* ConfigurationError */.j1(`the ${router.name} router cannot route by header; use ${able.join(', ')} for a header-route step, or remove exposure.headerRoute`, file);
    }
    // RFC 9110 §5.1: a field name is a token. An empty or spaced name would match no request, and
    // ingress-nginx would read it as no header at all.
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(request.header)) {
        throw new errors/* ConfigurationError */.j1(`header "${request.header}" is not an HTTP header name; use letters, digits and - (e.g. X-Canary)`);
    }
    if (request.enabled && request.value.trim() === '') {
        throw new errors/* ConfigurationError */.j1(`the value of header ${request.header} is empty; give the value testers send to reach the canary (e.g. "always")`);
    }
    const source = (0,yaml_edit/* parseManifestSource */.sp)(text, file);
    const edits = router.planHeaderRoute(source, request);
    const after = edits.length > 0 ? (0,yaml_edit/* applyEdits */.ct)(source, edits) : text;
    // Read the result back through the same router: what gets written is what was asked for, or
    // nothing is written at all.
    const reading = router.readHeaderRoute((0,yaml_edit/* parseManifestSource */.sp)(after, file), request);
    const valueMissed = request.enabled && reading.value !== request.value;
    if (reading.enabled !== request.enabled || valueMissed) {
        const asked = request.enabled ? `on (${request.header}: ${request.value})` : 'off';
        const found = reading.enabled
            ? `on${reading.value !== undefined ? ` (value ${reading.value})` : ''}`
            : 'off';
        throw new Error(`${router.name} planned header route ${request.header} ${asked} for ${request.route} in ${file} but ${reading.location} reads ${found} (a bug in Glidepath)`);
    }
    return { file, after, changed: after !== text, edits };
}

// EXTERNAL MODULE: ./src/traffic/routers/types.ts
var types = __webpack_require__(34461);
;// CONCATENATED MODULE: ./src/traffic/set-mirror.ts
/**
 * Setting the share of stable traffic mirrored to the canary in one manifest file: the traffic part
 * of a rollout's mirror step (`exposure.mirror`) and of leaving it. Pure: text in, text out. The
 * canary answers mirrored requests into the void (the caller gets stable's answer), so a mirror step
 * measures the new version under real load with no user exposed (anchors-rollouts.md: Argo
 * `setMirrorRoute`, Flagger `mirror`).
 */




/**
 * Plans mirroring `request.percent` of `request.route`'s stable traffic to the canary in `text`.
 * A router without mirroring, or a route without a mirror to the canary, is a ConfigurationError
 * naming the file and what to add.
 */
function planSetMirror(text, file, request) {
    const router = (0,routers/* routerFor */.NF)(request.router);
    if (!router.planMirror) {
        const able = routers/* ROUTER_NAMES */.x$.filter((name) => (0,routers/* routerFor */.NF)(name).planMirror !== undefined);
        throw new errors/* ConfigurationError */.j1(`the ${router.name} router cannot mirror traffic; use ${able.join(', ')} for a mirror step, or remove exposure.mirror`, file);
    }
    const percent = types/* Weight */.L.from(request.percent, 'mirror percent');
    const source = (0,yaml_edit/* parseManifestSource */.sp)(text, file);
    const edits = router.planMirror(source, { ...request, percent });
    const after = edits.length > 0 ? (0,yaml_edit/* applyEdits */.ct)(source, edits) : text;
    return { file, after, changed: after !== text, edits };
}

// EXTERNAL MODULE: ./src/traffic/set-weight.ts
var set_weight = __webpack_require__(23530);
// EXTERNAL MODULE: ./src/gitops/quarantine.ts
var quarantine = __webpack_require__(34910);
;// CONCATENATED MODULE: ./src/gitops/desire.ts







/** Policy target kinds whose manifest-kind name differs. */
const KIND_OF = { helmrelease: 'flux-helmrelease' };
/**
 * The commit request for `request`: a quarantine guard first (it refuses a quarantined digest on
 * the very head being committed on, so a digest quarantined a moment ago cannot slip through),
 * then one change per image target, the route and the flag.
 */
function desireCommit(desired, request) {
    const digest = request.image.digest.toString();
    const quarantineGuard = {
        path: desired.quarantineFile,
        intent: `not quarantined ${digest}`,
        render(current) {
            (0,quarantine/* assertNotQuarantined */.c1)(current, digest, desired.quarantineFile);
            return current;
        },
    };
    const changes = [
        quarantineGuard,
        ...desired.targets.map((target) => imageChange(target, request)),
    ];
    const routing = request.mirror !== undefined || request.headerRoute !== undefined;
    if ((request.weight !== undefined || routing) && desired.traffic) {
        const { traffic } = desired;
        const { weight: canary, mirror, headerRoute } = request;
        const route = { route: traffic.route, router: traffic.router };
        const intent = [
            ...(canary === undefined ? [] : [`weight ${traffic.router} ${traffic.route}=${canary}`]),
            ...(mirror === undefined ? [] : [`mirror ${traffic.route}=${mirror}`]),
            ...(headerRoute === undefined
                ? []
                : [`header ${headerRoute.header} ${headerRoute.enabled ? 'on' : 'off'}`]),
        ].join(', ');
        changes.push({
            path: traffic.path,
            intent,
            render: (current) => {
                let text = required(current, traffic.path);
                if (canary !== undefined)
                    text = (0,set_weight/* planSetWeight */.i)(text, traffic.path, { ...route, canary }).after;
                if (mirror !== undefined) {
                    text = planSetMirror(text, traffic.path, { ...route, percent: mirror }).after;
                }
                if (headerRoute !== undefined) {
                    text = planSetHeaderRoute(text, traffic.path, { ...route, ...headerRoute }).after;
                }
                return text;
            },
        });
    }
    else if (routing) {
        throw new errors/* ConfigurationError */.j1('a mirror or header-route step needs desired.traffic: the route that sends the canary its requests');
    }
    if (request.weight !== undefined && desired.flags) {
        const { flags } = desired;
        const percent = request.weight;
        changes.push({
            path: flags.path,
            intent: `flag ${flags.flag}=${percent}`,
            render: (current) => (0,set_flag/* planSetFlag */.y)(required(current, flags.path), flags.path, {
                flag: flags.flag,
                percent,
                provider: flags.provider,
            }).after,
        });
    }
    if (changes.length === 1) {
        throw new errors/* ConfigurationError */.j1('desired: nothing to change; list image targets under desired.targets (and desired.traffic to step weights)');
    }
    mergeSamePath(changes);
    const rollout = request.rollout ?? `${request.service ?? 'rollout'}-${request.image.digest.hex.slice(0, 12)}`;
    const weight = request.weight === undefined ? '' : ` at ${request.weight}%`;
    return {
        branch: desired.branch,
        headline: `glidepath: ${request.service ?? 'desire'} ${request.image.name}@${digest.slice(0, 19)}${weight}`,
        trailers: {
            'Glidepath-Rollout': rollout,
            ...(request.service ? { 'Glidepath-Service': request.service } : {}),
            ...(request.step ? { 'Glidepath-Step': request.step } : {}),
            ...(request.weight !== undefined ? { 'Glidepath-Weight': String(request.weight) } : {}),
            'Glidepath-Digest': digest,
            ...(request.evidence ? { 'Glidepath-Evidence': request.evidence } : {}),
        },
        changes,
    };
}
function imageChange(target, request) {
    const kind = KIND_OF[target.kind] ?? target.kind;
    const path = target.valuesPath ?? target.yamlPath;
    return {
        path: target.path,
        intent: `image ${target.kind}:${target.container ?? ''}=${request.image.toString()}`,
        render: (current) => (0,set_image/* planSetImage */.f)(required(current, target.path), target.path, {
            image: request.image,
            kind,
            ...(target.container ? { container: target.container } : {}),
            ...(path ? { path: path.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key)) } : {}),
        }).after,
    };
}
/** Two targets in one file (a Deployment and its HTTPRoute side by side) become one change. */
function mergeSamePath(changes) {
    for (let i = 0; i < changes.length; i++) {
        for (let j = changes.length - 1; j > i; j--) {
            const [first, second] = [changes[i], changes[j]];
            if (first.path !== second.path)
                continue;
            changes[i] = {
                path: first.path,
                intent: `${first.intent ?? ''}; ${second.intent ?? ''}`,
                render: (current) => second.render(first.render(current)),
            };
            changes.splice(j, 1);
        }
    }
}
function required(current, path) {
    if (current === undefined) {
        throw new errors/* ConfigurationError */.j1(`does not exist on the branch; fix desired.targets/traffic/flags paths (repository-relative)`, path);
    }
    return current;
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

//# sourceMappingURL=875.index.js.map