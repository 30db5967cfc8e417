export const id = 657;
export const ids = [657];
export const modules = {

/***/ 80657:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  editGroup: () => (/* binding */ editGroup)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/traffic/routers/types.ts
var types = __webpack_require__(34461);
// EXTERNAL MODULE: ./src/traffic/flags/set-flag.ts + 3 modules
var set_flag = __webpack_require__(70601);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/manifests/diff.ts
/**
 * A unified diff of two texts (`--- a/FILE`, `+++ b/FILE`, 3 lines of context), for showing an
 * edit before it is written. Hand-written because no diff library is a dependency and edits are
 * a line or two: common prefix and suffix are trimmed, and Myers' O(ND) algorithm compares what
 * is left.
 */
const CONTEXT = 3;
/** The unified diff from `before` to `after`, or '' when they are equal. */
function unifiedDiff(before, after, file, context = CONTEXT) {
    if (before === after)
        return '';
    const a = splitLines(before);
    const b = splitLines(after);
    const { ops, skipped } = diffLines(a, b, context);
    const out = [`--- a/${file}\n`, `+++ b/${file}\n`];
    for (const hunk of hunks(ops, context, skipped)) {
        out.push(`@@ -${range(hunk.aStart, hunk.aLength)} +${range(hunk.bStart, hunk.bLength)} @@\n`);
        for (const index of hunk.ops) {
            const op = ops[index];
            if (op.text.endsWith(NO_NEWLINE)) {
                out.push(`${op.kind}${op.text.slice(0, -NO_NEWLINE.length)}\n\\ No newline at end of file\n`);
            }
            else {
                out.push(`${op.kind}${op.text}\n`);
            }
        }
    }
    return out.join('');
}
/**
 * A last line without a newline is marked, so it differs from the same text with one (and the
 * diff shows `\ No newline at end of file` the way diff and git do).
 */
const NO_NEWLINE = '\u0000no-newline';
function splitLines(text) {
    if (text === '')
        return [];
    const lines = text.split('\n');
    if (text.endsWith('\n'))
        lines.pop();
    else
        lines[lines.length - 1] += NO_NEWLINE;
    return lines;
}
function range(start, length) {
    // GNU diff: a one-line range is just its line; an empty range names the line before it.
    if (length === 1)
        return String(start + 1);
    return `${length === 0 ? start : start + 1},${length}`;
}
/**
 * The edit script from `a` to `b` as keep/delete/insert operations. Equal lines at the start and
 * end beyond `context` are left out (a one-line edit in a long file is a short script);
 * `skipped` counts the leading lines left out, the same in both texts.
 */
function diffLines(a, b, context = Infinity) {
    let prefix = 0;
    while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix])
        prefix += 1;
    let suffix = 0;
    while (suffix < a.length - prefix &&
        suffix < b.length - prefix &&
        a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) {
        suffix += 1;
    }
    const middle = myers(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix));
    const skipped = Math.max(0, prefix - context);
    const trailing = Math.min(suffix, context);
    const keep = (text) => ({ kind: ' ', text });
    return {
        ops: [
            ...a.slice(skipped, prefix).map(keep),
            ...middle,
            ...a.slice(a.length - suffix, a.length - suffix + trailing).map(keep),
        ],
        skipped,
    };
}
/** Myers' greedy shortest edit script, with the V arrays kept per step for the walk back. */
function myers(a, b) {
    const n = a.length;
    const m = b.length;
    const max = n + m;
    const offset = max + 1;
    const trace = [];
    let v = new Int32Array(2 * max + 3);
    outer: for (let d = 0; d <= max; d += 1) {
        trace.push(v.slice());
        for (let k = -d; k <= d; k += 2) {
            let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])
                ? v[offset + k + 1]
                : v[offset + k - 1] + 1;
            let y = x - k;
            while (x < n && y < m && a[x] === b[y]) {
                x += 1;
                y += 1;
            }
            v[offset + k] = x;
            if (x >= n && y >= m) {
                trace.push(v.slice());
                break outer;
            }
        }
    }
    const ops = [];
    let x = n;
    let y = m;
    for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d -= 1) {
        v = trace[d];
        const k = x - y;
        const down = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]);
        const prevK = down ? k + 1 : k - 1;
        const prevX = v[offset + prevK];
        const prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            ops.push({ kind: ' ', text: a[x - 1] });
            x -= 1;
            y -= 1;
        }
        if (d === 0)
            break;
        if (down)
            ops.push({ kind: '+', text: b[y - 1] });
        else
            ops.push({ kind: '-', text: a[x - 1] });
        x = prevX;
        y = prevY;
    }
    while (x > 0 && y > 0) {
        ops.push({ kind: ' ', text: a[x - 1] });
        x -= 1;
        y -= 1;
    }
    return ops.reverse();
}
/**
 * Groups changes with `context` lines around them; changes closer than 2×context share a hunk.
 * `skipped` equal lines precede `ops` in both texts.
 */
function hunks(ops, context, skipped) {
    const result = [];
    const changed = ops.flatMap((op, index) => (op.kind === ' ' ? [] : [index]));
    let i = 0;
    while (i < changed.length) {
        let end = changed[i];
        let j = i + 1;
        while (j < changed.length && changed[j] - end <= 2 * context) {
            end = changed[j];
            j += 1;
        }
        const from = Math.max(0, changed[i] - context);
        const to = Math.min(ops.length - 1, end + context);
        let aStart = skipped;
        let bStart = skipped;
        for (let k = 0; k < from; k += 1) {
            if (ops[k].kind !== '+')
                aStart += 1;
            if (ops[k].kind !== '-')
                bStart += 1;
        }
        const indexes = [];
        let aLength = 0;
        let bLength = 0;
        for (let k = from; k <= to; k += 1) {
            indexes.push(k);
            if (ops[k].kind !== '+')
                aLength += 1;
            if (ops[k].kind !== '-')
                bLength += 1;
        }
        result.push({ aStart, aLength, bStart, bLength, ops: indexes });
        i = j;
    }
    return result;
}

;// CONCATENATED MODULE: ./src/cli/replace-file.ts





/** Distinguishes this process's temporary files; the `wx` flag refuses any leftover clash. */
let temporaryCount = 0;
/**
 * Writes `text` over `path` atomically: a temporary file in the same directory (so the rename
 * never crosses filesystems) with the original's mode, then rename. A reader (the reconciler, an
 * editor, `git add`) sees the old bytes or the new, never half a file. Through a symlink the
 * target is replaced, not the link: GitOps repositories link shared overlays. One lstat answers
 * both questions for the usual plain file; this runs for every file of a repository.
 */
function replaceFile(path, text) {
    const link = (0,external_node_fs_.lstatSync)(path);
    const target = link.isSymbolicLink() ? (0,external_node_fs_.realpathSync)(path) : path;
    const mode = (link.isSymbolicLink() ? (0,external_node_fs_.statSync)(target).mode : link.mode) & 0o7777;
    temporaryCount += 1;
    const temporary = (0,external_node_path_.join)((0,external_node_path_.dirname)(target), `.${(0,external_node_path_.basename)(target)}.glidepath-${process.pid}-${temporaryCount}`);
    try {
        (0,external_node_fs_.writeFileSync)(temporary, text, { flag: 'wx', mode });
        // The creation mode passes through the umask; set it exactly.
        (0,external_node_fs_.chmodSync)(temporary, mode);
        (0,external_node_fs_.renameSync)(temporary, target);
    }
    catch (error) {
        (0,external_node_fs_.rmSync)(temporary, { force: true });
        throw error;
    }
}
/**
 * The shared body of the single-file `edit` commands: read `file`, plan, then print a unified
 * diff, or with `write` replace the file atomically. `say` words the stderr notes.
 */
async function editOneFile(file, options, plan, say) {
    const path = (0,external_node_path_.resolve)(options.cwd, file);
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`cannot read the file: ${error.message}`, file, { cause: error });
    }
    const planned = plan(text);
    if (!planned.changed) {
        options.stderr(`${file}: ${say.unchanged(planned)}; nothing to change\n`);
    }
    else if (options.write) {
        replaceFile(path, planned.after);
        options.stderr(`${file}: ${say.written(planned)}\n`);
    }
    else {
        options.stdout(unifiedDiff(text, planned.after, file));
    }
    return planned;
}
/** The single FILE an `edit set-*` command takes (declared as its positional option `file`). */
function oneFile(values) {
    const files = values.file ?? [];
    if (files.length !== 1) {
        throw new errors/* UsageError */.eb(files.length === 0
            ? 'FILE is required'
            : `give exactly one FILE, got ${files.length}: ${files.join(' ')}`);
    }
    return files[0];
}
/** A string option's value, or undefined when it was not given. */
function stringOption(values, name) {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
}

;// CONCATENATED MODULE: ./src/cli/commands/edit-set-flag.ts




/** Plans the edit and either prints it as a unified diff or writes it: the call the command wraps. */
async function editSetFlag(settings, io) {
    const flag = `flag "${settings.request.flag}"`;
    const wanted = settings.request.off ? 'off for everyone' : `on for ${String(settings.request.percent)} %`;
    return editOneFile(settings.file, { ...io, write: settings.write }, (text) => (0,set_flag/* planSetFlag */.y)(text, settings.file, settings.request), {
        unchanged: () => `${flag} is ${wanted} already`,
        written: (plan) => `${flag} is ${wanted} (was ${describe(plan.before)})`,
    });
}
function describe(exposure) {
    switch (exposure.mode) {
        case 'static':
            return exposure.percent === undefined ? 'the code default' : `${exposure.percent} % on`;
        case 'split':
            return `a ${Number(exposure.percent?.toFixed(2))} % split`;
        case 'rules':
            return 'decided by targeting rules';
        case 'disabled':
            return 'disabled';
    }
}
function settingsFrom(values) {
    const file = oneFile(values);
    const text = (name) => stringOption(values, name);
    const flag = text('flag');
    if (flag === undefined)
        throw new errors/* UsageError */.eb('--flag KEY is required');
    const percent = text('percent');
    const off = values.off === true;
    if ((percent === undefined) === !off) {
        throw new errors/* UsageError */.eb(off
            ? 'give either --percent PCT or --off, not both'
            : 'give --percent PCT (a split) or --off (the kill switch)');
    }
    const common = { flag, onVariant: text('on-variant'), offVariant: text('off-variant') };
    let request;
    if (percent === undefined) {
        request = { ...common, off: true };
    }
    else {
        try {
            request = { ...common, percent: types/* Weight */.L.parse(percent, '--percent').percent };
        }
        catch (error) {
            // Same message, as a usage error so the --help hint is printed with it.
            throw new errors/* UsageError */.eb(error.message);
        }
    }
    return { file, request, write: values.write === true };
}
/** `glidepath edit set-flag FILE --flag KEY (--percent PCT | --off) [--write]`. */
const editSetFlagCommand = {
    name: 'set-flag',
    summary: 'set a flagd flag to a fractional split, or switch it off for everyone',
    description: [
        'Reads the flag from a flagd flag file (JSON or YAML), plans the change and prints it as a',
        'unified diff; with --write the file is edited in place. The result is checked with the',
        "evaluation engine flagd's providers embed (@openfeature/flagd-core) before anything is",
        'printed or written.',
        '',
        '--percent sets targeting to a fractional split: PCT % of targeting keys get the on variant,',
        'the rest the off variant. An existing split keeps its bucketing and bucket order and only its',
        'weights change, so keys that were on stay on as the percentage grows. Targeting rules of any',
        'other shape (if, $ref, more variants) are refused rather than overwritten.',
        '',
        '--off is the kill switch: the default variant becomes the off variant and targeting becomes',
        '{}; the flag stays ENABLED, because a DISABLED flag serves the code default, which may be on.',
        '',
        'The on and off variants of a boolean flag are the ones valued true and false; for any other',
        'flag name them with --on-variant and --off-variant.',
        '',
        'Exit status: 0 done (also when the flag is already as asked), 2 bad usage, unreadable file,',
        'unknown flag or a change Glidepath refuses (nothing is written), 70 internal error.',
    ].join('\n'),
    options: [
        {
            name: 'file',
            type: 'string',
            multiple: true,
            positional: true,
            required: true,
            placeholder: 'FILE',
            description: 'the flagd flag file, JSON or YAML (exactly one)',
        },
        {
            name: 'flag',
            type: 'string',
            required: true,
            placeholder: 'KEY',
            description: 'the flag key under flags:',
        },
        {
            name: 'percent',
            type: 'string',
            placeholder: 'PCT',
            description: 'share of targeting keys on the on variant, a whole percent from 0 to 100',
        },
        { name: 'off', type: 'boolean', description: 'kill switch: everyone gets the off variant' },
        {
            name: 'on-variant',
            type: 'string',
            placeholder: 'NAME',
            description: 'the on variant (default for boolean flags: the one valued true)',
        },
        {
            name: 'off-variant',
            type: 'string',
            placeholder: 'NAME',
            description: 'the off variant (default for boolean flags: the one valued false)',
        },
        { name: 'write', type: 'boolean', description: 'edit the file in place instead of printing a diff' },
    ],
    examples: [
        'glidepath edit set-flag flags/checkout.flagd.json --flag new-checkout --percent 25',
        'glidepath edit set-flag flags/checkout.flagd.yaml --flag new-checkout --off --write',
        'glidepath edit set-flag flags.yaml --flag layout --percent 10 --on-variant compact --off-variant classic',
    ],
    async run(values, io) {
        await editSetFlag(settingsFrom(values), io);
        return errors/* ExitCode */.yU.ok;
    },
};

// EXTERNAL MODULE: ./src/evidence/image-ref.ts
var image_ref = __webpack_require__(70912);
// EXTERNAL MODULE: ./src/manifests/set-image.ts + 16 modules
var set_image = __webpack_require__(1905);
;// CONCATENATED MODULE: ./src/cli/commands/edit-set-image.ts







/**
 * Plans the image change in every file, then prints the diffs or writes the files. Every file is
 * planned before any is written, so one refused file leaves all of them untouched; the refusals
 * are printed together so a user fixes them in one pass.
 *
 * Files are read and written synchronously on purpose: this runs over thousands of small files in
 * one process (a whole GitOps repository), where the promise machinery per file costs more than
 * the disk.
 */
function editSetImage(settings, io) {
    const outcomes = [];
    const texts = new Map();
    let refused = 0;
    for (const file of settings.files) {
        try {
            const text = readManifest((0,external_node_path_.resolve)(io.cwd, file), file);
            texts.set(file, text);
            const plan = (0,set_image/* planSetImage */.f)(text, file, { image: settings.image, container: settings.container });
            outcomes.push({ file, plan });
        }
        catch (error) {
            if (!(error instanceof errors/* GlidepathError */.HT))
                throw error;
            refused += 1;
            io.stderr(`${error.message}\n`);
        }
    }
    if (refused > 0) {
        io.stderr(`glidepath: ${refused} of ${settings.files.length} files refused; nothing was ${settings.write ? 'written' : 'changed'}\n`);
        return { outcomes, refused };
    }
    for (const { file, plan } of outcomes) {
        if (plan.changes.length === 0) {
            io.stderr(`${file}: already at ${settings.image.toString()}; nothing to change\n`);
        }
        else if (settings.write) {
            replaceFile((0,external_node_path_.resolve)(io.cwd, file), plan.after);
        }
        else {
            io.stdout(unifiedDiff(texts.get(file), plan.after, file));
        }
    }
    return { outcomes, refused };
}
function readManifest(path, file) {
    try {
        return (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`cannot read the file: ${error.message}`, file, { cause: error });
    }
}
function edit_set_image_settingsFrom(values) {
    const files = values.files ?? [];
    if (files.length === 0)
        throw new errors/* UsageError */.eb('give at least one FILE');
    const image = values.image;
    if (typeof image !== 'string')
        throw new errors/* UsageError */.eb('--image REF is required');
    const container = values.container;
    return {
        files,
        image: image_ref/* ImageRef */.j.parse(image, '--image'),
        container: typeof container === 'string' ? container : undefined,
        write: values.write === true,
    };
}
/** `glidepath edit set-image FILE... --image REF [--container NAME] [--write]`. */
const editSetImageCommand = {
    name: 'set-image',
    summary: 'set a container image, pinned by digest, in manifest files',
    description: [
        'Finds the image in every document of each file and prints the change as a unified diff;',
        'with --write the files are edited in place. Only the image values change: comments,',
        'quoting, key order, anchors and line endings stay as they are.',
        '',
        'Recognised: Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod and Argo',
        'Rollout (containers and initContainers), kustomization images (an entry is added when',
        'missing), Flux HelmRelease spec.values.image and Helm values image blocks (repository +',
        'digest, repository + tag written as TAG@digest, or one image string). Documents of other',
        'kinds are left alone. Without --container, the containers already running the image',
        'repository are set; a workload with a single container is set whatever it runs.',
        '',
        'Edited workloads are validated against the Kubernetes (1.27) and Argo Rollouts schemas; an',
        'invalid result, an unknown container or a file with nothing to set is refused with',
        'FILE:LINE and no file is written.',
        '',
        'Exit status: 0 done (also when the files already hold the image), 2 bad usage, unreadable',
        'file or a refused edit (nothing is written), 70 internal error.',
    ].join('\n'),
    options: [
        {
            name: 'files',
            type: 'string',
            multiple: true,
            positional: true,
            required: true,
            placeholder: 'FILE...',
            description: 'manifest files (YAML or JSON, any number of documents each)',
        },
        {
            name: 'image',
            type: 'string',
            required: true,
            placeholder: 'REF',
            description: 'image pinned by digest: registry/repo[:tag]@sha256:<64 hex>; a tag alone is refused',
        },
        {
            name: 'container',
            type: 'string',
            placeholder: 'NAME',
            description: 'the container (or init container) to set, when the image repository does not pick it',
        },
        { name: 'write', type: 'boolean', description: 'edit the files in place instead of printing a diff' },
    ],
    examples: [
        'glidepath edit set-image apps/checkout/deployment.yaml --image ghcr.io/acme/checkout@sha256:<digest>',
        'glidepath edit set-image overlays/prod/kustomization.yaml --image ghcr.io/acme/checkout:1.4.2@sha256:<digest> --write',
        'glidepath edit set-image pod.yaml --image ghcr.io/acme/migrate@sha256:<digest> --container migrate',
    ],
    // async although the work is synchronous, so bad input surfaces as a rejection like every command's.
    async run(values, io) {
        const { refused } = editSetImage(edit_set_image_settingsFrom(values), io);
        return refused > 0 ? errors/* ExitCode */.yU.configuration : errors/* ExitCode */.yU.ok;
    },
};

// EXTERNAL MODULE: ./src/traffic/routers/index.ts + 8 modules
var routers = __webpack_require__(74928);
// EXTERNAL MODULE: ./src/traffic/set-weight.ts
var set_weight = __webpack_require__(23530);
;// CONCATENATED MODULE: ./src/cli/commands/edit-set-weight.ts





/** Plans the edit and either prints it as a unified diff or writes it: the call the command wraps. */
async function editSetWeight(settings, io) {
    return editOneFile(settings.file, { ...io, write: settings.write }, (text) => (0,set_weight/* planSetWeight */.i)(text, settings.file, settings), {
        unchanged: (plan) => `${edit_set_weight_describe(plan)} already`,
        written: (plan) => `${edit_set_weight_describe(plan)} (was ${plan.before.canary})`,
    });
}
function edit_set_weight_describe(plan) {
    const { reading } = plan;
    return `${reading.route}: canary ${reading.canaryService} at ${reading.canary}, stable ${reading.stableService} at ${reading.stable}`;
}
function edit_set_weight_settingsFrom(values) {
    const file = oneFile(values);
    const text = (name) => stringOption(values, name);
    const required = (name, placeholder) => {
        const value = text(name);
        if (value === undefined)
            throw new errors/* UsageError */.eb(`--${name} ${placeholder} is required`);
        return value;
    };
    const total = text('total-replicas');
    if (total !== undefined && !/^\d+$/.test(total)) {
        throw new errors/* UsageError */.eb(`--total-replicas: "${total}" is not a whole number of replicas`);
    }
    return {
        file,
        router: required('router', 'ROUTER'),
        route: required('route', 'NAME'),
        canary: types/* Weight */.L.parse(required('canary', 'PCT'), '--canary'),
        stableService: text('stable-service'),
        canaryService: text('canary-service'),
        totalReplicas: total === undefined ? undefined : Number(total),
        write: values.write === true,
    };
}
/** `glidepath edit set-weight FILE --router R --route NAME --canary PCT [--write]`. */
const editSetWeightCommand = {
    name: 'set-weight',
    summary: 'set the canary weight of a traffic route in a manifest file',
    description: [
        'Reads the split of the named route, plans the change and prints it as a unified diff; with',
        '--write the file is edited in place. Only the weight values change: comments, quoting, key',
        'order and line endings stay as they are. Gateway API, SMI and Traefik weights are written as',
        'percentages; Istio weights must total 100; NGINX canary-weight is written as a string; the',
        'replicas router scales the stable and canary Deployments so the canary share of pods',
        'approximates the weight (at least one canary pod above 0, all pods at 100).',
        '',
        'The canary backend is the one whose name ends in -canary unless --canary-service names it;',
        'the stable one is the other backend unless --stable-service names it.',
        '',
        'Exit status: 0 done (also when the file already holds the weight), 2 bad usage, unreadable',
        'file, unknown route or a split Glidepath refuses to edit (nothing is written), 70 internal error.',
    ].join('\n'),
    options: [
        {
            name: 'file',
            type: 'string',
            multiple: true,
            positional: true,
            required: true,
            placeholder: 'FILE',
            description: 'the manifest file holding the route (exactly one)',
        },
        {
            name: 'router',
            type: 'string',
            required: true,
            placeholder: 'ROUTER',
            description: `traffic router: ${routers/* ROUTER_NAMES */.x$.join(', ')}`,
        },
        {
            name: 'route',
            type: 'string',
            required: true,
            placeholder: 'NAME',
            description: 'metadata.name of the HTTPRoute, VirtualService, TrafficSplit, canary Ingress or TraefikService; the app name for replicas',
        },
        {
            name: 'canary',
            type: 'string',
            required: true,
            placeholder: 'PCT',
            description: 'canary weight, a whole percent from 0 to 100',
        },
        {
            name: 'canary-service',
            type: 'string',
            placeholder: 'NAME',
            description: 'the canary backend (Service, Istio host or subset, Deployment) when its name does not end in -canary',
        },
        {
            name: 'stable-service',
            type: 'string',
            placeholder: 'NAME',
            description: 'the stable backend, when the route has more than one other backend',
        },
        {
            name: 'total-replicas',
            type: 'string',
            placeholder: 'N',
            description: 'replicas router: replicas to share out (default: stable + canary replicas in the file)',
        },
        { name: 'write', type: 'boolean', description: 'edit the file in place instead of printing a diff' },
    ],
    examples: [
        'glidepath edit set-weight apps/checkout/route.yaml --router gateway-api --route checkout --canary 25',
        'glidepath edit set-weight vs.yaml --router istio --route reviews --canary 5 --canary-service reviews-v2 --write',
        'glidepath edit set-weight canary-ingress.yaml --router nginx --route shop-canary --canary 50 --write',
    ],
    async run(values, io) {
        await editSetWeight(edit_set_weight_settingsFrom(values), io);
        return errors/* ExitCode */.yU.ok;
    },
};

;// CONCATENATED MODULE: ./src/cli/commands/edit.ts



/** `glidepath edit …`: the desired-state edits, one file at a time, for local use and review. */
const editGroup = {
    name: 'edit',
    description: [
        'Each command prints a unified diff of the change by default and edits in place with --write.',
        'Only the bytes of the changed values change: comments, key order, quoting, anchors, flow style,',
        'document separators, CRLF line endings and a missing final newline survive. An invalid result is',
        'refused with FILE:LINE and nothing is written.',
        '',
        'Exit status: 0 edited (or already at the value), 2 bad input or a refused edit, 70 internal error.',
    ].join('\n'),
    subcommands: [editSetImageCommand, editSetWeightCommand, editSetFlagCommand],
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


/***/ })

};

//# sourceMappingURL=657.index.js.map