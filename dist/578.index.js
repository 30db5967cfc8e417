export const id = 578;
export const ids = [578,732];
export const modules = {

/***/ 87732:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var ajv_formats_draft2019__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86328);
/* harmony import */ var ajv_formats_draft2019__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(ajv_formats_draft2019__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Makes `ajv-formats-draft2019` loadable when Glidepath runs from its ncc bundle. Import this
 * before any `kubernetes-models` module.
 *
 * Why: `@kubernetes-models/validate` (under the `node` export condition, which ncc picks) loads
 * that package with `createRequire(import.meta.url)("ajv-formats-draft2019")`. ncc leaves such
 * calls to run at runtime, where they resolve against `dist/` — which has no node_modules — so
 * the bundle dies on its first schema import. Here the package is imported statically (ncc
 * bundles it) and handed to Node's CommonJS loader under its name.
 *
 * Hazard: this patches `Module._resolveFilename`, process-wide, for exactly one request string,
 * and only when the name does not resolve by itself (in the repository and in tests it does, and
 * nothing is patched). Remove it when the build resolves that require another way.
 */

// @ts-expect-error -- the package ships no type declarations; only its default export is used.

const NAME = 'ajv-formats-draft2019';
function installWhenMissing() {
    try {
        (0,node_module__WEBPACK_IMPORTED_MODULE_0__.createRequire)(import.meta.url).resolve(NAME);
        return;
    }
    catch {
        // Not resolvable from here: running from the bundle.
    }
    const loader = (node_module__WEBPACK_IMPORTED_MODULE_0___default());
    const key = `glidepath-bundled:${NAME}`;
    loader._cache[key] = {
        id: key,
        filename: key,
        loaded: true,
        exports: (ajv_formats_draft2019__WEBPACK_IMPORTED_MODULE_1___default()),
        children: [],
        paths: [],
    };
    const resolve = loader._resolveFilename;
    loader._resolveFilename = function (request, ...rest) {
        return request === NAME ? key : resolve.call(this, request, ...rest);
    };
}
installWhenMissing();


/***/ }),

/***/ 1905:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  f: () => (/* binding */ planSetImage)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/manifests/yaml-edit.ts
var yaml_edit = __webpack_require__(13036);
;// CONCATENATED MODULE: ./src/manifests/kinds/image-text.ts
/** `name@sha256:…`, or `name:tag@sha256:…` when the image carries a tag (kept as a label only). */
function pinnedImage(image) {
    return `${image.name}${image.tag ? `:${image.tag}` : ''}@${image.digest.toString()}`;
}
/** The repository part of an image reference as written: no tag, no digest. */
function repositoryOf(reference) {
    const at = reference.indexOf('@');
    const withoutDigest = at < 0 ? reference : reference.slice(0, at);
    const slash = withoutDigest.lastIndexOf('/');
    const colon = withoutDigest.lastIndexOf(':');
    // A colon before the last slash belongs to a registry port (localhost:5000/app), not a tag.
    return colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
}
/**
 * Whether two repository names mean the same repository. Docker Hub names have short forms
 * (`nginx` = `docker.io/library/nginx`), and manifests use both, so they are normalised first.
 */
function sameRepository(a, b) {
    return normaliseRepository(a) === normaliseRepository(b);
}
function normaliseRepository(name) {
    const lower = name.toLowerCase();
    const hub = /^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\/(.+)$/.exec(lower);
    const path = hub ? hub[1] : lower;
    if (!hub && path.includes('/') && /[.:]|^localhost$/.test(path.split('/')[0]))
        return path;
    return path.includes('/') ? path : `library/${path}`;
}

;// CONCATENATED MODULE: ./src/manifests/kinds/pod-spec.ts
/**
 * What every workload kind shares: a pod spec at some path whose `containers` and
 * `initContainers` carry images. Each workload module only says where its pod spec is.
 */



const CONTAINER_LISTS = ['containers', 'initContainers'];
/**
 * `name` and `image` of each container in one list, read from the nodes (converting the whole
 * list to data would copy every port and probe, for every file of a repository).
 */
function listContainers(source, document, path) {
    const doc = source.documents[document];
    const list = doc?.getIn(path, true);
    if (!(0,dist/* isSeq */.oP)(list))
        return [];
    return list.items.map((item) => {
        const container = (0,dist/* isAlias */.Vj)(item) ? item.resolve(doc) : item;
        return (0,dist/* isMap */.jh)(container)
            ? { name: container.get('name'), image: container.get('image') }
            : { name: undefined, image: undefined };
    });
}
/** Whether the document's apiVersion is `apiVersion` (a group with any version when it ends in /) and its kind is `kind`. */
function hasKind(document, apiVersion, kind) {
    const actualKind = document.get('kind');
    const actualVersion = document.get('apiVersion');
    if (actualKind !== kind || typeof actualVersion !== 'string')
        return false;
    return apiVersion.endsWith('/') ? actualVersion.startsWith(apiVersion) : actualVersion === apiVersion;
}
/** The containers of the pod spec at `podSpec` (both lists), in file order. */
function podContainers(source, document, podSpec) {
    const found = [];
    for (const list of CONTAINER_LISTS) {
        listContainers(source, document, [...podSpec, list]).forEach(({ name, image }, index) => {
            found.push({
                name: typeof name === 'string' ? name : `#${index}`,
                image: typeof image === 'string' ? image : undefined,
                list,
                position: (0,yaml_edit/* positionOf */.df)(source, document, [...podSpec, list, index]),
            });
        });
    }
    return found;
}
/** Edits for the containers the request names, or that already run its repository. */
function planPodSpecImage(source, document, podSpec, request) {
    const value = pinnedImage(request.image);
    const edits = [];
    for (const list of CONTAINER_LISTS) {
        listContainers(source, document, [...podSpec, list]).forEach(({ name, image }, index) => {
            const chosen = request.container !== undefined
                ? name === request.container
                : typeof image === 'string' && sameRepository(repositoryOf(image), request.image.name);
            if (chosen)
                edits.push({ document, path: [...podSpec, list, index, 'image'], value });
        });
    }
    return edits;
}
/** "containers web (FILE:LINE:COL), sidecar (…)" for messages. */
function describeContainers(containers) {
    if (containers.length === 0)
        return 'no containers';
    return CONTAINER_LISTS.map((list) => {
        const named = containers.filter((container) => container.list === list);
        return named.length === 0
            ? ''
            : `${list} ${named.map((container) => `${container.name} (${container.position})`).join(', ')}`;
    })
        .filter(Boolean)
        .join('; ');
}
/** A workload kind: identified by apiVersion and kind, with its pod spec at `podSpec`. */
function workloadKind(name, apiVersion, kind, podSpec) {
    return {
        name,
        matches: (document) => hasKind(document, apiVersion, kind),
        planImage: (source, document, request) => planPodSpecImage(source, document, podSpec, request),
        containers: (source, document) => podContainers(source, document, podSpec),
        describeTargets: (source, document) => `${kind} ${String(source.documents[document]?.getIn(['metadata', 'name']) ?? '')}: ${describeContainers(podContainers(source, document, podSpec))}`,
    };
}

;// CONCATENATED MODULE: ./src/manifests/kinds/cronjob.ts
/** The CronJob kind: its pods come from the job template, one level deeper than a Job's. */

/** CronJob (`batch/v1`): the pod template at `spec.jobTemplate.spec.template.spec`. */
const cronJob = workloadKind('cronjob', 'batch/v1', 'CronJob', [
    'spec',
    'jobTemplate',
    'spec',
    'template',
    'spec',
]);

;// CONCATENATED MODULE: ./src/manifests/kinds/daemonset.ts
/** The DaemonSet kind. */

/** DaemonSet (`apps/v1`): the pod template at `spec.template.spec`. */
const daemonSet = workloadKind('daemonset', 'apps/v1', 'DaemonSet', ['spec', 'template', 'spec']);

;// CONCATENATED MODULE: ./src/manifests/kinds/deployment.ts
/** The Deployment kind. */

/** Deployment (`apps/v1`): the pod template at `spec.template.spec`. */
const deployment = workloadKind('deployment', 'apps/v1', 'Deployment', ['spec', 'template', 'spec']);

;// CONCATENATED MODULE: ./src/manifests/kinds/helm-values.ts
/**
 * A Helm values file: the image block at a configurable path (default `image`) in one of the
 * layouts charts use (see HelmImageLayout). Also the engine of the Flux HelmRelease kind, whose
 * values are the same shape under `spec.values`.
 */



/** Where charts conventionally keep the image block. */
const DEFAULT_IMAGE_PATH = ['image'];
/** The layout the values already use, or undefined when they do not show one. */
function detectLayout(current) {
    if (typeof current === 'string')
        return 'image';
    if (current === null || typeof current !== 'object' || Array.isArray(current))
        return undefined;
    if ('digest' in current)
        return 'repository-digest';
    if ('tag' in current)
        return 'repository-tag';
    return undefined;
}
/** Edits that set the image block at `base` + the request's path (values file or HelmRelease). */
function planHelmImage(source, document, base, request) {
    const block = [...base, ...(request.path ?? DEFAULT_IMAGE_PATH)];
    const current = (0,yaml_edit/* readPath */.G7)(source, document, block);
    const layout = request.layout ?? detectLayout(current);
    const where = (0,yaml_edit/* positionOf */.df)(source, document, block);
    const shown = block.join('.');
    if (!layout) {
        throw new errors/* ConfigurationError */.j1(`cannot tell how the chart spells its image at ${shown} (found ${current === undefined ? 'nothing' : JSON.stringify(current)}); set the target's layout to image, repository-tag or repository-digest`, where);
    }
    const { image } = request;
    if (layout === 'image')
        return [{ document, path: block, value: pinnedImage(image) }];
    const existing = (current && typeof current === 'object' ? current : {});
    const edits = repositoryEdits(document, block, existing, image.name);
    if (layout === 'repository-tag') {
        if (!image.tag) {
            // The chart joins repository:tag, so a digest alone would render `repo:@sha256:…`.
            throw new errors/* ConfigurationError */.j1(`${shown} uses repository + tag, which the chart joins as repository:tag, so it needs a tag to pin ${image.digest.toString()} as TAG@digest; pass the image as ${image.name}:TAG@${image.digest.toString()}, or use a chart value for the digest`, where);
        }
        edits.push({ document, path: [...block, 'tag'], value: `${image.tag}@${image.digest.toString()}` });
        return edits;
    }
    if (image.tag && 'tag' in existing)
        edits.push({ document, path: [...block, 'tag'], value: image.tag });
    edits.push({ document, path: [...block, 'digest'], value: image.digest.toString() });
    return edits;
}
/** `repository` (and `registry`, when the chart splits the host off, Bitnami style). */
function repositoryEdits(document, block, existing, name) {
    if (typeof existing.registry === 'string') {
        const slash = name.indexOf('/');
        const first = slash < 0 ? '' : name.slice(0, slash);
        const hosted = /[.:]/.test(first) || first === 'localhost';
        const registry = hosted ? first : 'docker.io';
        const repository = hosted ? name.slice(slash + 1) : name;
        const joined = `${existing.registry}/${String(existing.repository ?? '')}`;
        if (sameRepository(joined, name))
            return [];
        return [
            { document, path: [...block, 'registry'], value: registry },
            { document, path: [...block, 'repository'], value: repository },
        ];
    }
    if (typeof existing.repository === 'string' && sameRepository(existing.repository, name))
        return [];
    return [{ document, path: [...block, 'repository'], value: name }];
}
/** Helm values (no apiVersion or kind; the image block at the configured path, default `image`). */
const helmValues = {
    name: 'helm-values',
    matches: (document, request) => !document.has('apiVersion') &&
        !document.has('kind') &&
        document.hasIn(request?.path ?? DEFAULT_IMAGE_PATH),
    planImage: (source, document, request) => planHelmImage(source, document, [], request),
    describeTargets: (source, document) => `Helm values: image ${JSON.stringify((0,yaml_edit/* readPath */.G7)(source, document, DEFAULT_IMAGE_PATH) ?? null)}`,
};

;// CONCATENATED MODULE: ./src/manifests/kinds/flux-helmrelease.ts
/** A Flux HelmRelease: Helm values inline under `spec.values`, in the same layouts as a values file. */



const VALUES = ['spec', 'values'];
/** HelmRelease (`helm.toolkit.fluxcd.io`): the image block under `spec.values`. */
const fluxHelmRelease = {
    name: 'flux-helmrelease',
    matches: (document) => hasKind(document, 'helm.toolkit.fluxcd.io/', 'HelmRelease'),
    planImage: (source, document, request) => planHelmImage(source, document, VALUES, request),
    describeTargets(source, document) {
        const name = String(source.documents[document]?.getIn(['metadata', 'name']) ?? '');
        const image = (0,yaml_edit/* readPath */.G7)(source, document, [...VALUES, ...DEFAULT_IMAGE_PATH]);
        return `HelmRelease ${name}: spec.values.image ${JSON.stringify(image ?? null)}`;
    },
};

;// CONCATENATED MODULE: ./src/manifests/kinds/job.ts
/** The Job kind. */

/** Job (`batch/v1`): the pod template at `spec.template.spec`. */
const job = workloadKind('job', 'batch/v1', 'Job', ['spec', 'template', 'spec']);

;// CONCATENATED MODULE: ./src/manifests/kinds/kustomization.ts




/**
 * Top-level lists a kustomization has: how a kustomization.yaml without `kind` is known. They
 * must be lists of file names, because Helm values files have a `resources:` mapping too.
 */
const KUSTOMIZATION_LISTS = ['resources', 'bases', 'components', 'patchesStrategicMerge'];
function isKustomization(document) {
    if (hasKind(document, 'kustomize.config.k8s.io/', 'Kustomization'))
        return true;
    // Many kustomization.yaml files omit apiVersion and kind; kustomize accepts them.
    if (document.has('kind') || document.has('apiVersion'))
        return false;
    const data = document.toJS();
    if (data === null || typeof data !== 'object')
        return false;
    const listOf = (field, item) => {
        const value = data[field];
        return Array.isArray(value) && value.length > 0 && value.every(item);
    };
    return (KUSTOMIZATION_LISTS.some((field) => listOf(field, (value) => typeof value === 'string')) ||
        listOf('images', (value) => typeof value?.name === 'string'));
}
/** kustomize `images:` (kustomize.config.k8s.io Kustomization, or a kustomization.yaml with no kind). */
const kustomization = {
    name: 'kustomization',
    matches: isKustomization,
    planImage(source, document, { image }) {
        const listed = (0,yaml_edit/* readPath */.G7)(source, document, ['images']);
        const entries = (Array.isArray(listed) ? listed : []);
        const index = entries.findIndex((entry) => (typeof entry?.name === 'string' && sameRepository(entry.name, image.name)) ||
            (typeof entry?.newName === 'string' && sameRepository(entry.newName, image.name)));
        const digest = image.digest.toString();
        if (index < 0) {
            const at = entries.length;
            return [
                { document, path: ['images', at, 'name'], value: image.name },
                ...(image.tag ? [{ document, path: ['images', at, 'newTag'], value: image.tag }] : []),
                { document, path: ['images', at, 'digest'], value: digest },
            ];
        }
        const entry = entries[index];
        const edits = [];
        // Matched by `name` while `newName` points elsewhere: the new image replaces that target.
        if (typeof entry.newName === 'string' && !sameRepository(entry.newName, image.name)) {
            edits.push({ document, path: ['images', index, 'newName'], value: image.name });
        }
        if (image.tag) {
            edits.push({ document, path: ['images', index, 'newTag'], value: image.tag });
        }
        else if (entry.newTag !== undefined && entry.newTag !== null) {
            // kustomize renders name:newTag@digest when both are set, so a stale tag would label the
            // new digest with an old version; the user must say which tag goes with the digest.
            throw new errors/* ConfigurationError */.j1(`the images entry for ${image.name} has newTag ${String(entry.newTag)}, which kustomize would show next to the new digest; pass the image with its tag (${image.name}:TAG@${digest}) or delete newTag`, (0,yaml_edit/* positionOf */.df)(source, document, ['images', index, 'newTag']));
        }
        edits.push({ document, path: ['images', index, 'digest'], value: digest });
        return edits;
    },
    describeTargets(source, document) {
        const listed = (0,yaml_edit/* readPath */.G7)(source, document, ['images']);
        const names = (Array.isArray(listed) ? listed : []).map((entry) => String(entry?.name ?? '?'));
        return `kustomization images: ${names.length > 0 ? names.join(', ') : 'none'}`;
    },
};

;// CONCATENATED MODULE: ./src/manifests/kinds/pod.ts
/** The Pod kind: the pod spec is the object's own spec. */

/** Pod (`v1`): the pod spec is `spec` itself. */
const pod = workloadKind('pod', 'v1', 'Pod', ['spec']);

;// CONCATENATED MODULE: ./src/manifests/kinds/replicaset.ts
/** The ReplicaSet kind. */

/** ReplicaSet (`apps/v1`): the pod template at `spec.template.spec`. */
const replicaSet = workloadKind('replicaset', 'apps/v1', 'ReplicaSet', ['spec', 'template', 'spec']);

;// CONCATENATED MODULE: ./src/manifests/kinds/rollout.ts
/**
 * The Argo Rollouts Rollout kind. A Rollout either carries its own pod template (like a
 * Deployment) or points at a Deployment through `spec.workloadRef`; then the image lives in that
 * Deployment, and this kind plans nothing and says so.
 */

const POD_SPEC = ['spec', 'template', 'spec'];
/** Rollout (`argoproj.io/v1alpha1`): `spec.template.spec`, or nothing when it uses `workloadRef`. */
const rollout = {
    name: 'rollout',
    matches: (document) => hasKind(document, 'argoproj.io/', 'Rollout'),
    planImage: (source, document, request) => source.documents[document]?.hasIn(['spec', 'template'])
        ? planPodSpecImage(source, document, POD_SPEC, request)
        : [],
    containers: (source, document) => podContainers(source, document, POD_SPEC),
    describeTargets(source, document) {
        const doc = source.documents[document];
        const name = String(doc?.getIn(['metadata', 'name']) ?? '');
        const ref = doc?.getIn(['spec', 'workloadRef']);
        if (ref && !doc?.hasIn(['spec', 'template'])) {
            const { kind, name: target } = (ref.toJSON() ?? {});
            return `Rollout ${name} takes its pod template from spec.workloadRef (${kind ?? 'Deployment'} ${target ?? '?'}): set the image in that ${kind ?? 'Deployment'}'s manifest`;
        }
        return `Rollout ${name}: ${describeContainers(podContainers(source, document, POD_SPEC))}`;
    },
};

;// CONCATENATED MODULE: ./src/manifests/kinds/statefulset.ts
/** The StatefulSet kind. */

/** StatefulSet (`apps/v1`): the pod template at `spec.template.spec`. */
const statefulSet = workloadKind('statefulset', 'apps/v1', 'StatefulSet', [
    'spec',
    'template',
    'spec',
]);

;// CONCATENATED MODULE: ./src/manifests/kinds/yaml-path.ts
/**
 * The generic kind for anything the other kinds do not know (a CRD, an Argo CD Application
 * parameter, a config file): set the image string at an explicit YAML path. Chosen only by name,
 * never detected, since any document could hold any path.
 */


/** A single edit: `value` at `path` in `document`, for callers that set something other than an image. */
function setPath(document, path, value) {
    return [{ document, path, value }];
}
/** Any YAML or JSON: the pinned image string at `request.path`. */
const yamlPath = {
    name: 'yaml-path',
    matches: (document, request) => request?.path !== undefined && document.hasIn(request.path),
    planImage(source, document, request) {
        if (!request.path || request.path.length === 0) {
            throw new errors/* ConfigurationError */.j1(`the yaml-path kind needs a path to the image (for example spec.image); add path to the target`, `${source.file}`);
        }
        return setPath(document, request.path, pinnedImage(request.image));
    },
    describeTargets: () => 'yaml-path: only the configured path',
};

;// CONCATENATED MODULE: ./src/manifests/kinds/index.ts
/** The manifest kinds, by name: adding a kind is one module and one line here. */













/** Every kind; `satisfies` makes a new KindName without a module a compile error. */
const MANIFEST_KINDS = {
    deployment: deployment,
    statefulset: statefulSet,
    daemonset: daemonSet,
    replicaset: replicaSet,
    job: job,
    cronjob: cronJob,
    pod: pod,
    rollout: rollout,
    kustomization: kustomization,
    'helm-values': helmValues,
    'flux-helmrelease': fluxHelmRelease,
    'yaml-path': yamlPath,
};
/** Kind names, in the order documents are matched against them when no kind is given. */
const KIND_NAMES = Object.keys(MANIFEST_KINDS);
/** The kind called `name`; an unknown name is a ConfigurationError listing the known ones. */
function manifestKind(name, field = 'kind') {
    if (Object.hasOwn(MANIFEST_KINDS, name))
        return MANIFEST_KINDS[name];
    throw new ConfigurationError(`${field}: unknown manifest kind "${name}"; known kinds: ${KIND_NAMES.join(', ')}`);
}
/**
 * The kind that handles `document` when the user named none. yaml-path is never guessed: it
 * matches whatever has the path, so it must be asked for.
 */
function detectKind(document, request) {
    return KIND_NAMES.filter((name) => name !== 'yaml-path')
        .map((name) => MANIFEST_KINDS[name])
        .find((kind) => kind.matches(document, request));
}

// EXTERNAL MODULE: ./src/manifests/validate.ts
var validate = __webpack_require__(96122);
;// CONCATENATED MODULE: ./src/manifests/plan.ts
/**
 * From edits as data to a checked result: apply them byte-minimally, then validate every edited
 * workload object against its schema. A result that breaks the schema is refused whole, so a
 * caller never sees (or writes) half of a plan.
 */



/**
 * Applies `edits` to `source` and validates every edited object Glidepath has a schema for
 * (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod, Rollout). Throws
 * ConfigurationError `FILE:LINE:COL` naming the broken field when the result would be invalid.
 */
function planManifestEdits(source, edits) {
    const changes = [];
    for (const edit of edits) {
        const current = (0,yaml_edit/* readPath */.G7)(source, edit.document, edit.path);
        if (current === edit.value)
            continue;
        changes.push({
            document: edit.document,
            path: edit.path,
            line: (0,yaml_edit/* lineOf */.cA)(source, edit.document, edit.path),
            before: current === undefined || current === null ? undefined : String(current),
            after: String(edit.value),
        });
    }
    if (changes.length === 0)
        return { after: source.text, changes };
    const after = (0,yaml_edit/* applyEdits */.ct)(source, edits);
    for (const document of new Set(changes.map((change) => change.document))) {
        refuseInvalid(source, document, edits.filter((edit) => edit.document === document));
    }
    return { after, changes };
}
/**
 * Validates the edited object. It is built from the original's data with the edits set, rather
 * than by parsing the result again, so checking costs no second parse. Problems the original
 * already had are not the edit's fault and do not block it.
 */
function refuseInvalid(source, document, edits) {
    // toJS builds fresh data each call, so the edited copy needs no clone; the original is read
    // again only in the rare case that there is something to compare.
    const doc = source.documents[document];
    // Kind first: converting a values file or kustomization to data only to learn it has no
    // schema would cost as much as validating it.
    if (!(0,validate/* hasSchema */.E)({ apiVersion: doc?.get('apiVersion'), kind: doc?.get('kind') }))
        return;
    const edited = (0,yaml_edit/* readPath */.G7)(source, document, []);
    for (const edit of edits)
        setValue(edited, edit.path, edit.value);
    const touched = edits.map((edit) => edit.path);
    const problems = (0,validate/* schemaProblems */.I)(edited, touched);
    if (problems.length === 0)
        return;
    const original = (0,yaml_edit/* readPath */.G7)(source, document, []);
    const before = new Set((0,validate/* schemaProblems */.I)(original, touched).map(problemKey));
    const introduced = problems.filter((problem) => !before.has(problemKey(problem)));
    const first = introduced[0];
    if (!first)
        return;
    const { kind, metadata } = original;
    const all = introduced.map((problem) => `${pathText(problem.path)} ${problem.message}`).join('; ');
    throw new errors/* ConfigurationError */.j1(`refusing the edit: it would make ${kind} ${metadata?.name ?? ''} invalid: ${all}; nothing was changed`.replace('  ', ' '), (0,yaml_edit/* positionOf */.df)(source, document, first.path));
}
function problemKey(problem) {
    return `${problem.path.join('/')} ${problem.message}`;
}
function pathText(path) {
    return path
        .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : `${i ? '.' : ''}${segment}`))
        .join('');
}
/** Sets `value` at `path` in plain data, creating mappings (and lists for index segments). */
function setValue(root, path, value) {
    let node = root;
    path.forEach((segment, index) => {
        if (index === path.length - 1) {
            node[segment] = value;
            return;
        }
        const next = node[segment];
        if (next === null || typeof next !== 'object') {
            node[segment] = typeof path[index + 1] === 'number' ? [] : {};
        }
        node = node[segment];
    });
}

;// CONCATENATED MODULE: ./src/manifests/set-image.ts
/**
 * Setting one image across every document of a manifest file: the kinds say where (as edits),
 * the engine writes them byte-minimally, the schemas check the result.
 */




/**
 * Plans setting `request.image` in every document of `text` (documents of other kinds are left
 * alone) and validates the edited workloads. Throws ConfigurationError when nothing in the file
 * takes the image, when the container is unknown or ambiguous (listing the containers with
 * FILE:LINE), or when the result would be invalid.
 */
function planSetImage(text, file, request) {
    const source = (0,yaml_edit/* parseManifestSource */.sp)(text, file);
    const targets = findTargets(source, request);
    let edits = planTargets(source, targets, request);
    if (edits.length === 0) {
        const sole = request.container === undefined ? soleContainer(source, targets) : undefined;
        if (!sole)
            throw nothingMatched(source, targets, request);
        // One workload with one container: like `kubectl set image`, the name may be left out.
        edits = planTargets(source, targets, { ...request, container: sole.name });
    }
    return planManifestEdits(source, edits);
}
function findTargets(source, request) {
    const targets = [];
    source.documents.forEach((doc, document) => {
        if (doc.contents === null)
            return;
        const kind = request.kind ? MANIFEST_KINDS[request.kind] : detectKind(doc, request);
        if (kind?.matches(doc, request))
            targets.push({ document, kind });
    });
    if (targets.length === 0 && request.kind && source.documents.length === 1 && request.kind !== 'yaml-path') {
        // A named kind that is not recognisable by content (a values file without the image block
        // yet, a HelmRelease patch): trust the name for a one-document file.
        targets.push({ document: 0, kind: MANIFEST_KINDS[request.kind] });
    }
    if (targets.length === 0) {
        const kinds = source.documents
            .map((doc) => doc.get('kind'))
            .filter((kind) => typeof kind === 'string');
        const found = kinds.length > 0 ? `it holds ${[...new Set(kinds)].join(', ')}` : 'no document has a kind';
        const expected = request.kind ?? 'a workload, Rollout, kustomization, HelmRelease or Helm values';
        throw new errors/* ConfigurationError */.j1(`nothing in this file takes an image: ${found}, and Glidepath looks for ${expected}; check the file, or name the target's kind and path`, source.file);
    }
    return targets;
}
function planTargets(source, targets, request) {
    return targets.flatMap(({ document, kind }) => kind.planImage(source, document, request));
}
function soleContainer(source, targets) {
    // Workloads with a pod template of their own (a workloadRef Rollout has none).
    const workloads = targets
        .map(({ document, kind }) => kind.containers?.(source, document) ?? [])
        .filter((containers) => containers.length > 0);
    if (workloads.length !== 1)
        return undefined;
    const containers = workloads[0].filter((container) => container.list === 'containers');
    return containers.length === 1 ? containers[0] : undefined;
}
function nothingMatched(source, targets, request) {
    const offered = targets.map(({ document, kind }) => kind.describeTargets(source, document)).join('\n  ');
    const firstContainer = targets
        .flatMap(({ document, kind }) => kind.containers?.(source, document) ?? [])
        .at(0);
    // FILE:LINE of the first container, so an editor jumps to the list the message shows.
    const located = firstContainer ? firstContainer.position.replace(/:\d+$/, '') : source.file;
    const problem = request.container !== undefined
        ? `no container is named "${request.container}"`
        : firstContainer
            ? `no container runs ${request.image.name} and there is more than one to choose from; name one with --container`
            : `nothing in this file runs ${request.image.name}`;
    return new errors/* ConfigurationError */.j1(`${problem}; this file has:\n  ${offered}`, located);
}


/***/ }),

/***/ 96122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ hasSchema),
/* harmony export */   I: () => (/* binding */ schemaProblems)
/* harmony export */ });
/* harmony import */ var _bundled_require_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(87732);
/* harmony import */ var _kubernetes_models_argo_rollouts_argoproj_io_v1alpha1_Rollout__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(58209);
/* harmony import */ var kubernetes_models_apps_v1_DaemonSet__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6189);
/* harmony import */ var kubernetes_models_apps_v1_Deployment__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(88149);
/* harmony import */ var kubernetes_models_apps_v1_ReplicaSet__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(43622);
/* harmony import */ var kubernetes_models_apps_v1_StatefulSet__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71303);
/* harmony import */ var kubernetes_models_batch_v1_CronJob__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(83341);
/* harmony import */ var kubernetes_models_batch_v1_Job__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(97824);
/* harmony import */ var kubernetes_models_v1_Pod__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(86919);
/* harmony import */ var kubernetes_models_v1_PodTemplate__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(33178);
/**
 * Validation of edited workload objects against real schemas: the Kubernetes 1.27 OpenAPI
 * schemas compiled in `kubernetes-models`, the Argo Rollouts CRD schema, and the few API-server
 * rules those schemas leave out (the OpenAPI document has no `minimum` on `replicas`: the API
 * server checks it in Go, `ValidateNonnegativeField` in pkg/apis/apps/validation).
 */
// First: lets the schema modules below load inside the ncc bundle (see the module's comment).










/** The models Glidepath validates, by `apiVersion/kind`. */
const MODELS = {
    'apps/v1/Deployment': {
        model: kubernetes_models_apps_v1_Deployment__WEBPACK_IMPORTED_MODULE_1__/* .Deployment */ .S,
        podSpec: ['spec', 'template', 'spec'],
        counts: [
            ['spec', 'replicas'],
            ['spec', 'minReadySeconds'],
            ['spec', 'revisionHistoryLimit'],
            ['spec', 'progressDeadlineSeconds'],
        ],
    },
    'apps/v1/StatefulSet': {
        model: kubernetes_models_apps_v1_StatefulSet__WEBPACK_IMPORTED_MODULE_2__/* .StatefulSet */ .V,
        podSpec: ['spec', 'template', 'spec'],
        counts: [
            ['spec', 'replicas'],
            ['spec', 'minReadySeconds'],
            ['spec', 'revisionHistoryLimit'],
        ],
    },
    'apps/v1/DaemonSet': {
        model: kubernetes_models_apps_v1_DaemonSet__WEBPACK_IMPORTED_MODULE_3__/* .DaemonSet */ .r,
        podSpec: ['spec', 'template', 'spec'],
        counts: [
            ['spec', 'minReadySeconds'],
            ['spec', 'revisionHistoryLimit'],
        ],
    },
    'apps/v1/ReplicaSet': {
        model: kubernetes_models_apps_v1_ReplicaSet__WEBPACK_IMPORTED_MODULE_4__/* .ReplicaSet */ .n,
        podSpec: ['spec', 'template', 'spec'],
        counts: [
            ['spec', 'replicas'],
            ['spec', 'minReadySeconds'],
        ],
    },
    'batch/v1/Job': {
        model: kubernetes_models_batch_v1_Job__WEBPACK_IMPORTED_MODULE_5__/* .Job */ ._,
        podSpec: ['spec', 'template', 'spec'],
        counts: [
            ['spec', 'parallelism'],
            ['spec', 'completions'],
            ['spec', 'backoffLimit'],
        ],
    },
    'batch/v1/CronJob': {
        model: kubernetes_models_batch_v1_CronJob__WEBPACK_IMPORTED_MODULE_6__/* .CronJob */ .y,
        podSpec: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
        counts: [
            ['spec', 'successfulJobsHistoryLimit'],
            ['spec', 'failedJobsHistoryLimit'],
            ['spec', 'jobTemplate', 'spec', 'parallelism'],
            ['spec', 'jobTemplate', 'spec', 'completions'],
            ['spec', 'jobTemplate', 'spec', 'backoffLimit'],
        ],
    },
    'v1/Pod': { model: kubernetes_models_v1_Pod__WEBPACK_IMPORTED_MODULE_7__/* .Pod */ .w, podSpec: ['spec'], counts: [] },
    'argoproj.io/v1alpha1/Rollout': {
        model: _kubernetes_models_argo_rollouts_argoproj_io_v1alpha1_Rollout__WEBPACK_IMPORTED_MODULE_8__/* .Rollout */ .m,
        podSpec: ['spec', 'template', 'spec'],
        counts: [
            ['spec', 'replicas'],
            ['spec', 'minReadySeconds'],
            ['spec', 'revisionHistoryLimit'],
            ['spec', 'progressDeadlineSeconds'],
        ],
    },
};
/** Whether Glidepath has a schema for this object (a workload it validates after editing). */
function hasSchema(object) {
    return modelOf(object) !== undefined;
}
const ROLLOUT_TEMPLATE = ['spec', 'template'];
/**
 * Every problem of `object` against its schema and the API server's extra rules; an empty list
 * when it is valid or when it is no kind Glidepath has a schema for. `touched` lists the paths
 * that were edited, when known.
 *
 * A Rollout whose edits all lie in its pod template is checked against the core PodTemplateSpec
 * schema (the same schema the Rollout CRD embeds there) instead of the whole Rollout schema: the
 * Rollout model compiles its schema with ajv on first use, which costs about two seconds, while
 * kubernetes-models ships the core schemas precompiled. Image edits are always in the template.
 */
function schemaProblems(object, touched) {
    const entry = modelOf(object);
    if (!entry)
        return [];
    const problems = [];
    const templateOnly = entry.model === _kubernetes_models_argo_rollouts_argoproj_io_v1alpha1_Rollout__WEBPACK_IMPORTED_MODULE_8__/* .Rollout */ .m &&
        touched !== undefined &&
        touched.every((path) => ROLLOUT_TEMPLATE.every((segment, i) => path[i] === segment));
    if (templateOnly) {
        const template = valueAt(object, ROLLOUT_TEMPLATE);
        const wrapped = { apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: 'rollout' }, template };
        for (const problem of modelProblems(kubernetes_models_v1_PodTemplate__WEBPACK_IMPORTED_MODULE_9__/* .PodTemplate */ .G, wrapped)) {
            problems.push({ path: [...ROLLOUT_TEMPLATE, ...problem.path.slice(1)], message: problem.message });
        }
    }
    else {
        problems.push(...modelProblems(entry.model, object));
    }
    for (const path of entry.counts) {
        const value = valueAt(object, path);
        if (typeof value === 'number' && value < 0)
            problems.push({ path, message: 'must be >= 0' });
    }
    problems.push(...containerProblems(object, entry.podSpec));
    return problems;
}
function modelProblems(model, object) {
    try {
        new model(object).validate();
        return [];
    }
    catch (error) {
        const errors = error.errors;
        if (!errors)
            throw error;
        return errors.map((problem) => ({
            path: pointerToPath(problem.instancePath),
            message: problem.message ?? 'is invalid',
        }));
    }
}
/** Container rules of the API server's ValidatePodSpec: unique names, an image for each. */
function containerProblems(object, podSpec) {
    const problems = [];
    const seen = new Set();
    for (const list of ['initContainers', 'containers']) {
        const containers = valueAt(object, [...podSpec, list]);
        if (!Array.isArray(containers))
            continue;
        containers.forEach((container, index) => {
            const path = [...podSpec, list, index];
            if (typeof container?.name === 'string') {
                if (seen.has(container.name))
                    problems.push({ path: [...path, 'name'], message: `duplicate container name "${container.name}"` });
                seen.add(container.name);
            }
            if (container?.image === undefined || container.image === '') {
                problems.push({ path: [...path, 'image'], message: 'must have an image' });
            }
        });
    }
    return problems;
}
function modelOf(object) {
    if (object === null || typeof object !== 'object')
        return undefined;
    const { apiVersion, kind } = object;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string')
        return undefined;
    return Object.hasOwn(MODELS, `${apiVersion}/${kind}`) ? MODELS[`${apiVersion}/${kind}`] : undefined;
}
function valueAt(object, path) {
    let node = object;
    for (const segment of path) {
        if (node === null || typeof node !== 'object')
            return undefined;
        node = node[segment];
    }
    return node;
}
/** `/spec/template/spec/containers/0/image` → spec.template.spec.containers[0].image as a path. */
function pointerToPath(pointer) {
    if (pointer === '')
        return [];
    return pointer
        .slice(1)
        .split('/')
        .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
        .map((part) => (/^(0|[1-9]\d*)$/.test(part) ? Number(part) : part));
}


/***/ }),

/***/ 13036:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G7: () => (/* binding */ readPath),
/* harmony export */   cA: () => (/* binding */ lineOf),
/* harmony export */   ct: () => (/* binding */ applyEdits),
/* harmony export */   df: () => (/* binding */ positionOf),
/* harmony export */   sp: () => (/* binding */ parseManifestSource)
/* harmony export */ });
/* unused harmony exports positionAt, renderScalar, isPlainSafe */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/**
 * The byte-minimal YAML (and JSON) editing engine every manifest kind, traffic router and flag
 * file goes through.
 *
 * Why splice instead of `setIn` + `toString`: the `yaml` printer keeps comments but normalises
 * spacing before inline comments, flow-map padding and folded scalars, so a one-value change
 * becomes a noisy diff in someone's GitOps repository. Splicing the source text at the node's
 * range changes only the bytes of that scalar (environment.md §4).
 */


/**
 * Parses `text`; a syntax error is a ConfigurationError `FILE:LINE:COL: <message>`. JSON files
 * parse too (JSON is YAML flow style), so flag files in JSON use the same engine.
 */
function parseManifestSource(text, file) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    // A leading BOM is kept in `text`: the parser skips it and its offsets count it, so ranges
    // still index into the original string and the BOM survives every splice.
    const documents = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseAllDocuments */ .hR)(text, { lineCounter, keepSourceTokens: false });
    const source = { file, text, documents: [...documents], lineCounter };
    for (const document of source.documents) {
        const error = document.errors[0];
        if (error) {
            const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${message}; fix the YAML syntax before Glidepath can edit the file`, positionAt(source, error.pos[0]));
        }
    }
    return source;
}
/**
 * Applies edits so that only the bytes of the changed scalars change: an existing scalar is
 * spliced at its source range keeping its quote style; comments, key order, anchors/aliases, flow
 * style, `---` separators, CRLF and a missing final newline survive. A key that does not exist yet
 * is inserted next to its siblings with their indentation (and line ending). Returns the text
 * unchanged when every value is already present. Throws ConfigurationError with FILE:LINE:COL when
 * a path runs into an alias target, a non-mapping or a non-scalar.
 */
function applyEdits(source, edits) {
    let current = source;
    let pending = [...edits];
    // Replacements never move other nodes' offsets relative to each other, so they are planned
    // together against one parse. An insertion creates nodes later edits may walk into (a new
    // `images:` entry, then its `digest`), so after one the text is parsed again before going on.
    while (pending.length > 0) {
        const splices = [];
        let inserted = false;
        let consumed = 0;
        for (const edit of pending) {
            const splice = planEdit(current, edit);
            consumed += 1;
            if (!splice)
                continue;
            const sameRange = splices.findIndex((s) => s.start === splice.start && s.end === splice.end);
            if (sameRange >= 0 && !splice.insertion)
                splices.splice(sameRange, 1);
            splices.push(splice);
            if (splice.insertion) {
                inserted = true;
                break;
            }
        }
        if (splices.length === 0)
            return current.text;
        const text = spliceText(current.text, splices);
        const insertedEdit = inserted ? pending[consumed - 1] : undefined;
        pending = pending.slice(consumed);
        // Parsing again costs as much as the first parse: only after an insertion (to check it) or
        // when edits remain to be planned against the new text.
        if (!insertedEdit && pending.length === 0)
            return text;
        current = reparse(text, source.file, insertedEdit);
    }
    return current.text;
}
/** `FILE:LINE:COL` of the node at `path` (or of the deepest existing parent), for messages. */
function positionOf(source, document, path) {
    return positionAt(source, offsetOf(source, document, path));
}
/** The 1-based line of the node at `path` (or of the deepest existing parent). */
function lineOf(source, document, path) {
    return source.lineCounter.linePos(offsetOf(source, document, path)).line;
}
function offsetOf(source, document, path) {
    const doc = source.documents[document];
    if (!doc)
        return 0;
    let node = doc.contents;
    let offset = doc.contents?.range?.[0] ?? doc.range[0];
    for (const segment of path) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            const pair = findPair(node, segment);
            if (!pair)
                break;
            node = pair.value;
            offset = rangeOf(pair.value)?.[0] ?? rangeOf(pair.key)?.[0] ?? offset;
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node) && typeof segment === 'number' && segment < node.items.length) {
            node = node.items[segment];
            offset = rangeOf(node)?.[0] ?? offset;
        }
        else {
            break;
        }
    }
    return offset;
}
/** `FILE:LINE:COL` of a source offset (1-based, the BOM not counted as a column). */
function positionAt(source, offset) {
    const { line, col } = source.lineCounter.linePos(offset);
    const bomShift = line === 1 && source.text.startsWith('\uFEFF') && col > 1 ? 1 : 0;
    return `${source.file}:${line}:${col - bomShift}`;
}
/**
 * The value at `path` as plain data (strings, numbers, maps), or undefined when the path does
 * not exist. Aliases resolve to their anchors' values, for reading current state.
 */
function readPath(source, document, path) {
    const doc = source.documents[document];
    if (!doc)
        return undefined;
    const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
    if (node === undefined || node === null)
        return node ?? undefined;
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isNode */ .Ll)(node) ? node.toJS(doc) : node;
}
function planEdit(source, edit) {
    const doc = source.documents[edit.document];
    if (!doc) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`there is no document ${edit.document + 1} (the file has ${source.documents.length}); check the file`, `${source.file}:1:1`);
    }
    const json = isJsonDocument(doc);
    const located = locate(source, edit.document, edit.path);
    if (located.kind === 'scalar') {
        const { node, inFlow } = located;
        if (node.value === edit.value)
            return undefined;
        const [start, end] = node.range;
        if (node.type === yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.BLOCK_LITERAL || node.type === yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.BLOCK_FOLDED) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${describePath(edit.path)} is a block scalar (| or >); Glidepath rewrites only single-line scalars, so change it to a quoted or plain value first`, positionAt(source, start));
        }
        return { start, end, text: renderScalar(edit.value, node.type, inFlow, json), insertion: false };
    }
    const eol = lineEnding(source.text);
    // New lists start empty, so only their first item can be created (an existing list may grow by
    // one item at its end, which `locate` already checked).
    if (located.rest.slice(1).some((segment) => typeof segment === 'number' && segment !== 0)) {
        throw refuseNewIndex(source, edit);
    }
    if (located.kind === 'empty' && typeof located.rest[0] === 'number' && located.rest[0] !== 0) {
        throw refuseNewIndex(source, edit);
    }
    if (located.kind === 'empty')
        return planFillEmpty(source, located.pair, located.rest, edit, eol);
    const { parent, rest } = located;
    if (parent.flow)
        return planFlowInsert(source, parent, rest, edit, json);
    return planBlockInsert(source, parent, rest, edit, eol);
}
/** Walks `path`, refusing aliases, merge keys and scalars in the way. */
function locate(source, document, path) {
    const doc = source.documents[document];
    let node = doc.contents;
    let inFlow = false;
    for (let depth = 0; depth < path.length; depth += 1) {
        const segment = path[depth];
        const here = path.slice(0, depth);
        refuseAlias(source, node, here);
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            inFlow ||= node.flow === true;
            const pair = findPair(node, segment);
            if (!pair) {
                const merge = node.items.find((item) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item.key) && item.key.value === '<<');
                if (merge) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${describePath(path.slice(0, depth + 1))} is not written here and this mapping has a merge key (<<), so the value may come from an anchor; write the key explicitly or edit the anchored mapping`, positionAt(source, rangeOf(merge.key)?.[0] ?? 0));
                }
                return { kind: 'missing', parent: node, rest: path.slice(depth) };
            }
            if (isEmptyScalar(pair.value) && depth < path.length - 1) {
                return { kind: 'empty', pair: pair, rest: path.slice(depth + 1) };
            }
            node = pair.value;
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node)) {
            inFlow ||= node.flow === true;
            if (typeof segment !== 'number' || !Number.isInteger(segment) || segment < 0) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${describePath(here)} is a list, so the next step of ${describePath(path)} must be an index, not ${JSON.stringify(segment)}`, positionOf(source, document, here));
            }
            if (segment === node.items.length) {
                return { kind: 'missing', parent: node, rest: path.slice(depth) };
            }
            if (segment > node.items.length) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${describePath(here)} has ${node.items.length} items, so index ${segment} of ${describePath(path)} does not exist; Glidepath appends at most one item`, positionOf(source, document, here));
            }
            node = node.items[segment];
        }
        else {
            const what = node === null || node === undefined ? 'empty' : 'a scalar';
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${describePath(here)} is ${what}, not a mapping or list, so ${describePath(path)} cannot be set`, positionOf(source, document, here));
        }
    }
    refuseAlias(source, node, path);
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${describePath(path)} is a ${(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node) ? 'list' : 'mapping'}, not a single value; point the path at a scalar inside it`, positionOf(source, document, path));
    }
    return { kind: 'scalar', node: node, inFlow };
}
function refuseAlias(source, node, path) {
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node))
        return;
    const alias = node;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${describePath(path)} is the alias *${alias.source}, so editing it here would change every place that uses the anchor &${alias.source}; edit the anchored value instead, or replace the alias with its own value`, positionAt(source, alias.range[0]));
}
function findPair(map, segment) {
    const wanted = String(segment);
    return map.items.find((pair) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) && String(pair.key.value) === wanted);
}
function isEmptyScalar(node) {
    return node === null || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) && node.value === null && (node.source ?? '') === '');
}
function rangeOf(node) {
    return node?.range ?? undefined;
}
/** A document whose root is a flow collection is treated as JSON: double quotes everywhere. */
function isJsonDocument(doc) {
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isCollection */ .P3)(doc.contents) && doc.contents.flow === true;
}
function describePath(path) {
    if (path.length === 0)
        return 'the document root';
    return path
        .map((segment, index) => typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${segment}`)
        .join('');
}
// ---------------------------------------------------------------------------------------------
// Insertion
const INDENT_STEP = 2;
/** A key under a block mapping: a new line after the last pair, at the first key's column. */
function planBlockInsert(source, parent, rest, edit, eol) {
    const { text } = source;
    const last = parent.items[parent.items.length - 1];
    const first = parent.items[0];
    if (!first || !last) {
        // A parsed block collection always has an item; an empty one is written `{}` or `[]` (flow).
        throw new Error('block collection without items');
    }
    let column;
    let lines;
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(parent)) {
        // A block sequence's range starts at its first `-`. The first item's own start is no guide: when
        // that item is itself a sequence (`- - "on"`), the dash before it is the inner one.
        const dash = dashBefore(text, parent.range[0]);
        column = columnAt(text, dash);
        lines = blockLines(rest, edit, source);
    }
    else {
        column = columnAt(text, rangeOf(first.key)?.[0] ?? parent.range[0]);
        lines = blockLines(rest, edit, source);
    }
    const lastEnd = itemEnd(last);
    const at = lineEndAfter(text, lastEnd);
    const indent = ' '.repeat(column);
    return {
        start: at,
        end: at,
        text: lines.map((line) => `${eol}${indent}${line}`).join(''),
        insertion: true,
    };
}
/** `key:` with no value becomes the parent of the new keys, on the lines after it. */
function planFillEmpty(source, pair, rest, edit, eol) {
    const { text } = source;
    const keyStart = rangeOf(pair.key)?.[0] ?? 0;
    const keyColumn = columnAt(text, keyStart);
    const inFlowParent = (() => {
        // `{image: }` inside a flow mapping: write a flow value in place instead of new lines.
        const lineStart = text.lastIndexOf('\n', keyStart) + 1;
        return /[{[,]\s*$/.test(text.slice(lineStart, keyStart)) || isJsonDocumentText(text);
    })();
    const valueStart = rangeOf(pair.value)?.[0] ?? rangeOf(pair.key)?.[1] ?? keyStart;
    if (inFlowParent) {
        const json = isJsonDocumentText(text);
        return { start: valueStart, end: valueStart, text: ` ${flowValue(rest, edit, json)}`, insertion: true };
    }
    const at = lineEndAfter(text, valueStart);
    const offset = typeof rest[0] === 'number' ? sequenceIndent(source) : INDENT_STEP;
    const indent = ' '.repeat(keyColumn + offset);
    const lines = blockLines(rest, edit, source);
    return {
        start: at,
        end: at,
        text: lines.map((line) => `${eol}${indent}${line}`).join(''),
        insertion: true,
    };
}
/** A pair (or item) inside a flow collection: after the last one, with the same separator. */
function planFlowInsert(source, parent, rest, edit, json) {
    const { text } = source;
    const items = parent.items;
    const entry = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(parent)
        ? flowValue(rest.slice(1), edit, json)
        : `${renderKey(String(rest[0]), true, json || quotedKeys(parent))}: ${flowValue(rest.slice(1), edit, json)}`;
    const open = parent.range[0] + 1;
    if (items.length === 0)
        return { start: open, end: open, text: entry, insertion: true };
    const last = items[items.length - 1];
    const lastEnd = itemEnd(last);
    let separator = ', ';
    if (items.length >= 2) {
        const between = text.slice(itemEnd(items[items.length - 2]), itemStart(items[items.length - 1]));
        if (/^\s*,\s*$/.test(between))
            separator = between.replace(/^\s*/, '');
    }
    else {
        const before = text.slice(open, itemStart(last));
        if (/^\s*$/.test(before) && before.includes('\n'))
            separator = `,${before}`;
    }
    return { start: lastEnd, end: lastEnd, text: `${separator}${entry}`, insertion: true };
}
function quotedKeys(map) {
    return map.items.some((pair) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) && pair.key.type === yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.QUOTE_DOUBLE);
}
function isJsonDocumentText(text) {
    return /^\uFEFF?\s*[{[]/.test(text);
}
/** The lines of a new block structure for `rest`, relative to the parent's indentation. */
function blockLines(rest, edit, source) {
    const [head, ...tail] = rest;
    if (head === undefined)
        throw new Error('empty insertion path');
    if (typeof head === 'number') {
        if (tail.length === 0)
            return [`- ${renderScalar(edit.value, yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.PLAIN, false, false)}`];
        const inner = blockLines(tail, edit, source);
        return [`- ${inner[0]}`, ...inner.slice(1).map((line) => `  ${line}`)];
    }
    const key = renderKey(head, false, false);
    if (tail.length === 0)
        return [`${key}: ${renderScalar(edit.value, yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.PLAIN, false, false)}`];
    const pad = ' '.repeat(typeof tail[0] === 'number' ? sequenceIndent(source) : INDENT_STEP);
    return [`${key}:`, ...blockLines(tail, edit, source).map((line) => `${pad}${line}`)];
}
/** The value for `rest` written in flow style: `v`, `{k: v}`, `[v]`. */
function flowValue(rest, edit, json) {
    const [head, ...tail] = rest;
    if (head === undefined)
        return renderScalar(edit.value, yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.PLAIN, true, json);
    if (typeof head === 'number')
        return `[${flowValue(tail, edit, json)}]`;
    return `{${renderKey(head, true, json)}: ${flowValue(tail, edit, json)}}`;
}
function refuseNewIndex(source, edit) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${describePath(edit.path)} asks for an item of a list that does not exist yet; a new list starts at index 0`, positionOf(source, edit.document, edit.path));
}
/**
 * How far block sequences under a key are indented in this file (0 for `key:\n- a`, 2 for
 * `key:\n  - a`), so a new list looks like its neighbours. Kubernetes tools write 0, Helm
 * charts usually 2; the file's own first list decides.
 */
function sequenceIndent(source) {
    const match = /^( *)[^\s#-][^\n]*:[ \t]*\r?\n(?:[ \t]*(?:#[^\n]*)?\r?\n)*( *)- /m.exec(source.text);
    if (!match)
        return 0;
    return Math.max(0, match[2].length - match[1].length);
}
function itemStart(item) {
    const key = item?.key;
    return rangeOf(key)?.[0] ?? rangeOf(item)?.[0] ?? 0;
}
/** Where an item's value ends (before any trailing line break a block collection's range includes). */
function itemEnd(item) {
    const pair = item;
    const node = pair && typeof pair === 'object' && 'key' in pair ? (pair.value ?? pair.key) : item;
    const range = rangeOf(node);
    if (!range)
        throw new Error('node without a source range');
    return range[1];
}
/** The offset of the line break ending the line that contains `offset - 1` (or the text end). */
function lineEndAfter(text, offset) {
    let at = offset;
    // Block collections and block scalars end after their final line break: step back onto it.
    while (at > 0 && (text[at - 1] === '\n' || text[at - 1] === '\r'))
        at -= 1;
    const newline = text.indexOf('\n', at);
    if (newline < 0)
        return text.length;
    return text[newline - 1] === '\r' ? newline - 1 : newline;
}
function dashBefore(text, offset) {
    const dash = text.lastIndexOf('-', offset);
    return dash < 0 ? offset : dash;
}
function columnAt(text, offset) {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const bom = lineStart === 0 && text.startsWith('\uFEFF') ? 1 : 0;
    return offset - lineStart - bom;
}
/** The file's line ending, from its first line break; a file with none gets `\n`. */
function lineEnding(text) {
    const newline = text.indexOf('\n');
    return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}
// ---------------------------------------------------------------------------------------------
// Rendering scalars
/**
 * The source text for `value`, quoted like the scalar it replaces. A string that would be read
 * back as something else when plain ("1.10", "true", "0755", "yes") is quoted. YAML 1.1 is
 * checked as well as 1.2: Kubernetes reads manifests with go-yaml, which follows 1.1, so "yes"
 * there is a boolean.
 */
function renderScalar(value, type, inFlow, json) {
    if (typeof value === 'number') {
        if (!Number.isFinite(value)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${value} cannot be written to YAML or JSON; give a finite number`);
        }
        return String(value);
    }
    if (typeof value === 'boolean')
        return String(value);
    if (json || type === yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.QUOTE_DOUBLE)
        return doubleQuoted(value);
    if (type === yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.QUOTE_SINGLE) {
        return NEEDS_ESCAPE.test(value) ? doubleQuoted(value) : `'${value.replaceAll("'", "''")}'`;
    }
    return isPlainSafe(value, inFlow) ? value : doubleQuoted(value);
}
function renderKey(key, inFlow, double) {
    if (double)
        return doubleQuoted(key);
    return isPlainSafe(key, inFlow) ? key : doubleQuoted(key);
}
/**
 * JSON string syntax is YAML double-quoted syntax (YAML 1.2 is a superset of JSON), except that
 * YAML wants DEL and the C1 controls escaped too, which JSON leaves raw.
 */
function doubleQuoted(value) {
    return JSON.stringify(value).replace(/[\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
// Control characters are exactly what this must find: they cannot appear unescaped in a scalar.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;
const plainCache = new Map();
/** Whether `value` written without quotes reads back as the same string in YAML 1.1 and 1.2. */
function isPlainSafe(value, inFlow) {
    const cacheKey = `${inFlow ? 'f' : 'b'}${value}`;
    const cached = plainCache.get(cacheKey);
    if (cached !== undefined)
        return cached;
    const safe = checkPlain(value, inFlow);
    if (plainCache.size > 10_000)
        plainCache.clear();
    plainCache.set(cacheKey, safe);
    return safe;
}
function checkPlain(value, inFlow) {
    if (value === '' || value !== value.trim() || NEEDS_ESCAPE.test(value))
        return false;
    if (/^(?:---|\.\.\.)/.test(value))
        return false;
    const first = value[0];
    if ('-?:'.includes(first)) {
        const next = value[1];
        if (next === undefined || /[\s,[\]{}]/.test(next))
            return false;
    }
    else if (',[]{}#&*!|>\'"%@`'.includes(first)) {
        return false;
    }
    if (value.includes(': ') || value.includes(' #') || value.endsWith(':'))
        return false;
    if (inFlow && /[,[\]{}]/.test(value))
        return false;
    try {
        // logLevel 'error': throw on errors (caught below) but print no warnings.
        return ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(value, { logLevel: 'error' }) === value &&
            (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(value, { version: '1.1', logLevel: 'error' }) === value);
    }
    catch {
        return false;
    }
}
// ---------------------------------------------------------------------------------------------
// Applying
function spliceText(text, splices) {
    // Later offsets first, so earlier ones stay valid; equal offsets keep their planned order.
    const ordered = splices
        .map((splice, order) => ({ splice, order }))
        .sort((a, b) => b.splice.start - a.splice.start || b.order - a.order);
    let result = text;
    for (const { splice } of ordered) {
        result = result.slice(0, splice.start) + splice.text + result.slice(splice.end);
    }
    return result;
}
/**
 * Parses the edited text again. After an insertion the new structure is also read back: an
 * indentation guess that made the YAML mean something else is a bug to report, never a file to
 * write.
 */
function reparse(text, file, inserted) {
    let source;
    try {
        source = parseManifestSource(text, file);
    }
    catch (error) {
        throw new Error(`inserting a key into ${file} produced invalid YAML (a bug in Glidepath)`, {
            cause: error,
        });
    }
    if (inserted) {
        const node = source.documents[inserted.document]?.getIn(inserted.path, true);
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) || node.value !== inserted.value) {
            throw new Error(`inserting ${describePath(inserted.path)} into ${file} did not read back as ${JSON.stringify(inserted.value)} (a bug in Glidepath)`);
        }
    }
    return source;
}


/***/ }),

/***/ 70601:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  y: () => (/* binding */ planSetFlag)
});

// EXTERNAL MODULE: ./src/manifests/yaml-edit.ts
var yaml_edit = __webpack_require__(13036);
// EXTERNAL MODULE: ./src/traffic/routers/types.ts
var types = __webpack_require__(34461);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./node_modules/@openfeature/flagd-core/index.cjs.mjs
var index_cjs = __webpack_require__(35427);
// EXTERNAL MODULE: ./node_modules/jsonc-parser/lib/umd/main.js
var main = __webpack_require__(21928);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/traffic/flags/flagd.ts
/**
 * OpenFeature flagd flag files (JSON or YAML): read a flag's exposure, set a fractional split
 * between its on and off variants, and switch it off. Every result is checked by
 * @openfeature/flagd-core, the evaluation engine flagd's providers embed, before it is returned.
 *
 * How bytes change: weights, `state` and `defaultVariant` are scalars, edited (or inserted) by the
 * byte-minimal engine (manifests/yaml-edit.ts), and so is a new split, one scalar at a time into an
 * (empty) `targeting` mapping. The one structural edit, "targeting becomes `{}`", is beyond the
 * engine (it edits and inserts scalars only): the kill switch needs it to drop rules, and a new
 * split in YAML needs it to create the mapping. JSON goes through jsonc-parser's `modify`, YAML
 * through the `yaml` library's concrete syntax tree; both keep every other byte.
 */





/** The flagd provider. Stateless: one instance serves every file. */
const flagdProvider = {
    name: 'flagd',
    read(source, flag) {
        return inspect(source, flag).exposure;
    },
    planSplit(source, flag, percent) {
        const found = inspect(source, flag);
        const { exposure, targeting } = found;
        if (exposure.mode !== 'disabled' && exposes(found, percent.percent)) {
            return { before: exposure, after: source.text, changed: false };
        }
        const edits = [];
        // A disabled flag evaluates to the application's code default, not to the split: the split
        // only takes effect once the flag is enabled.
        if (found.state !== 'ENABLED')
            edits.push(edit(found, ['state'], 'ENABLED'));
        const fractional = [...found.path, 'targeting', 'fractional'];
        if (targeting.kind === 'rules') {
            throw new errors/* ConfigurationError */.j1(`flag "${flag.key}" has targeting rules (${targeting.reason}) that setting a fractional split would overwrite; ` +
                `Glidepath manages only a top-level fractional between "${exposure.onVariant}" and "${exposure.offVariant}". ` +
                'Put the split inside your rules yourself, or remove the targeting so Glidepath can manage this flag', (0,yaml_edit/* positionOf */.df)(source, 0, [...found.path, 'targeting']));
        }
        else if (targeting.kind === 'split') {
            // Only the two weights change, and the buckets keep their order. flagd puts a key on when
            // its hash falls inside the on bucket's share of the buckets laid end to end; with the
            // order fixed, raising the on share only moves keys from off to on (keys already on stay
            // on), whereas swapping the buckets would reshuffle who is on.
            const on = percent.percent;
            edits.push({ document: 0, path: [...fractional, targeting.onIndex, 1], value: on }, { document: 0, path: [...fractional, targeting.offIndex, 1], value: 100 - on });
        }
        else {
            // No bucketing expression: flagd then hashes flagKey + targetingKey, the same value the
            // documented `{cat: [{var: $flagd.flagKey}, {var: targetingKey}]}` produces, but an
            // evaluation without a targeting key gets the default variant. With the explicit `cat` it
            // would hash the flag key alone and put every anonymous caller in one bucket, possibly on.
            edits.push({ document: 0, path: [...fractional, 0, 0], value: exposure.onVariant }, { document: 0, path: [...fractional, 0, 1], value: percent.percent }, { document: 0, path: [...fractional, 1, 0], value: exposure.offVariant }, { document: 0, path: [...fractional, 1, 1], value: 100 - percent.percent });
        }
        // In YAML a missing `targeting` is first added as `{}` so the split is built in flow style
        // (`{fractional: [["on", 25], ["off", 75]]}`): the engine cannot yet add a block list whose
        // first item is itself a list (`- - "on"`) and then a second item after it.
        const start = targeting.kind === 'static' && !found.hasTargeting && !isJson(source.text)
            ? (0,yaml_edit/* parseManifestSource */.sp)(emptyTargeting(source.text, source.file, [...found.path, 'targeting']), source.file)
            : source;
        const after = (0,yaml_edit/* applyEdits */.ct)(start, edits);
        return checked(source, found, after, (result) => result.state === 'ENABLED' && exposes(result, percent.percent));
    },
    planKill(source, flag) {
        const found = inspect(source, flag);
        const { exposure, targeting } = found;
        const edits = [];
        // `state` stays (or becomes) ENABLED on purpose: a DISABLED flag makes flagd return the
        // application's code default, which may well be the on value. Only an enabled flag with the
        // off variant as default and no targeting is off for every caller.
        if (found.state !== 'ENABLED')
            edits.push(edit(found, ['state'], 'ENABLED'));
        if (found.defaultVariant !== exposure.offVariant)
            edits.push(edit(found, ['defaultVariant'], exposure.offVariant));
        let after = (0,yaml_edit/* applyEdits */.ct)(source, edits);
        if (targeting.kind !== 'static')
            after = emptyTargeting(after, source.file, [...found.path, 'targeting']);
        return checked(source, found, after, (result) => isKilled(result));
    },
};
function inspect(source, ref) {
    const data = flagdData(source);
    validate(data, source.file, (detail) => `flagd rejects this file as it is (${detail}); fix it before Glidepath edits it`);
    const flags = data.flags;
    if (!isPlainObject(flags)) {
        throw new errors/* ConfigurationError */.j1('"flags" must be a mapping from flag key to flag (the array form is flagd-daemon only and not supported)', (0,yaml_edit/* positionOf */.df)(source, 0, ['flags']));
    }
    const flag = Object.hasOwn(flags, ref.key) ? flags[ref.key] : undefined;
    if (!isPlainObject(flag)) {
        const present = Object.keys(flags);
        throw new errors/* ConfigurationError */.j1(`flag "${ref.key}" is not in this file; ${present.length > 0 ? `its flags: ${present.join(', ')}` : 'it has no flags'}`, (0,yaml_edit/* positionOf */.df)(source, 0, ['flags']));
    }
    const path = ['flags', ref.key];
    const location = (0,yaml_edit/* positionOf */.df)(source, 0, path);
    const { onVariant, offVariant } = variantsOf(source, ref, flag, path);
    const targeting = shapeOf(flag.targeting, onVariant, offVariant);
    const defaultPercent = flag.defaultVariant === onVariant ? 100 : typeof flag.defaultVariant === 'string' ? 0 : undefined;
    let exposure;
    if (flag.state === 'DISABLED') {
        exposure = { mode: 'disabled', percent: undefined, onVariant, offVariant, location };
    }
    else if (targeting.kind === 'split') {
        const total = targeting.onWeight + targeting.offWeight;
        // All-zero weights make flagd's fractional return null, so the default variant applies.
        const percent = total === 0 ? defaultPercent : (100 * targeting.onWeight) / total;
        exposure = { mode: 'split', percent, onVariant, offVariant, location };
    }
    else if (targeting.kind === 'rules') {
        exposure = { mode: 'rules', percent: undefined, onVariant, offVariant, location };
    }
    else {
        exposure = { mode: 'static', percent: defaultPercent, onVariant, offVariant, location };
    }
    const hasTargeting = Object.hasOwn(flag, 'targeting');
    return { exposure, targeting, path, hasTargeting, state: flag.state, defaultVariant: flag.defaultVariant };
}
/** The file as plain data; a flagd file is exactly one YAML document or one JSON object. */
function flagdData(source) {
    if (source.documents.length !== 1) {
        throw new errors/* ConfigurationError */.j1(`a flagd file holds one document; this one has ${source.documents.length}`, `${source.file}:1:1`);
    }
    return source.documents[0].toJS({ maxAliasCount: 1000 });
}
/** Which variants are on and off: as given, or for a boolean flag the ones valued true and false. */
function variantsOf(source, ref, flag, path) {
    const where = (0,yaml_edit/* positionOf */.df)(source, 0, [...path, 'variants']);
    const variants = isPlainObject(flag.variants) ? flag.variants : {};
    const names = Object.keys(variants);
    const boolean = names.length > 0 && names.every((name) => typeof variants[name] === 'boolean');
    const pick = (given, value, role) => {
        if (given !== undefined) {
            if (!Object.hasOwn(variants, given)) {
                throw new errors/* ConfigurationError */.j1(`flag "${ref.key}" has no variant "${given}" (given as its ${role} variant); its variants: ${names.join(', ')}`, where);
            }
            if (boolean && variants[given] !== value) {
                throw new errors/* ConfigurationError */.j1(`variant "${given}" of boolean flag "${ref.key}" is ${String(variants[given])}, so it cannot be the ${role} variant`, where);
            }
            return given;
        }
        if (!boolean) {
            throw new errors/* ConfigurationError */.j1(`flag "${ref.key}" is not boolean (variants: ${names.join(', ')}), so Glidepath cannot tell which variant is "${role}"; ` +
                `name it (--${role}-variant, or ${role}Variant in the policy)`, where);
        }
        const matches = names.filter((name) => variants[name] === value);
        if (matches.length !== 1) {
            throw new errors/* ConfigurationError */.j1(`flag "${ref.key}" has ${matches.length} variants valued ${value} (${matches.join(', ') || 'none'}); name the ${role} variant`, where);
        }
        return matches[0];
    };
    const onVariant = pick(ref.onVariant, true, 'on');
    const offVariant = pick(ref.offVariant, false, 'off');
    if (onVariant === offVariant) {
        throw new errors/* ConfigurationError */.j1(`flag "${ref.key}": the on and off variants are both "${onVariant}"; name two different variants`, where);
    }
    return { onVariant, offVariant };
}
function shapeOf(targeting, on, off) {
    if (targeting === undefined)
        return { kind: 'static' };
    if (!isPlainObject(targeting))
        return { kind: 'rules', reason: 'not a JSONLogic object' };
    const operators = Object.keys(targeting);
    if (operators.length === 0)
        return { kind: 'static' };
    if (operators.length !== 1 || operators[0] !== 'fractional' || !Array.isArray(targeting.fractional)) {
        return { kind: 'rules', reason: operators.map((operator) => `"${operator}"`).join(', ') };
    }
    const args = targeting.fractional;
    // A first argument that is not a bucket is the bucketing expression: kept as it is.
    const first = Array.isArray(args[0]) ? 0 : 1;
    const buckets = args.slice(first);
    const variants = buckets.map((bucket) => (Array.isArray(bucket) ? bucket[0] : undefined));
    const onAt = variants.indexOf(on);
    const offAt = variants.indexOf(off);
    if (buckets.length !== 2 || onAt < 0 || offAt < 0) {
        const listed = variants.map((variant) => typeof variant === 'string' ? `"${variant}"` : 'an expression');
        return {
            kind: 'rules',
            reason: `a fractional over ${listed.join(', ')} rather than exactly "${on}" and "${off}"`,
        };
    }
    const weightOf = (bucket) => {
        const weight = bucket[1];
        // flagd's default weight for a bucket written without one is 1.
        if (weight === undefined)
            return 1;
        return typeof weight === 'number' && Number.isInteger(weight) && weight >= 0 ? weight : undefined;
    };
    const onWeight = weightOf(buckets[onAt]);
    const offWeight = weightOf(buckets[offAt]);
    if (onWeight === undefined || offWeight === undefined) {
        return { kind: 'rules', reason: 'a fractional whose weights are expressions' };
    }
    return { kind: 'split', onIndex: first + onAt, offIndex: first + offAt, onWeight, offWeight };
}
/**
 * Whether every caller with a targeting key gets the on variant with probability exactly
 * `percent` %: compared as integers, so weights 1:3 already expose 25 % and need no edit.
 */
function exposes(found, percent) {
    const { targeting, exposure } = found;
    if (exposure.mode === 'split' && targeting.kind === 'split') {
        const total = targeting.onWeight + targeting.offWeight;
        if (total > 0)
            return targeting.onWeight * 100 === percent * total;
    }
    return (exposure.mode === 'static' || exposure.mode === 'split') && exposure.percent === percent;
}
function isKilled(found) {
    return (found.state === 'ENABLED' &&
        found.targeting.kind === 'static' &&
        found.defaultVariant === found.exposure.offVariant);
}
function edit(found, key, value) {
    return { document: 0, path: [...found.path, ...key], value };
}
// ---------------------------------------------------------------------------------------------
// Validating a result
/**
 * Returns the plan for `after` only once flagd accepts the file and the flag reads back as
 * intended; a file flagd would reject is never returned, so it can never be written.
 */
function checked(source, before, after, intended) {
    if (after === source.text)
        return { before: before.exposure, after, changed: false };
    const key = String(before.path[1]);
    const result = (0,yaml_edit/* parseManifestSource */.sp)(after, source.file);
    const storage = validate(flagdData(result), source.file, (detail) => `flagd rejects the edited file (${detail}), so nothing was changed`, before.exposure.location);
    const evaluated = storage.getFlag(key)?.evaluate({ targetingKey: 'glidepath-check' }, SILENT);
    if (!evaluated || evaluated.reason === 'ERROR') {
        throw new errors/* ConfigurationError */.j1(`flagd cannot evaluate flag "${key}" after the edit (${evaluated?.errorMessage ?? 'flag missing'}), so nothing was changed`, before.exposure.location);
    }
    const ref = { key, onVariant: before.exposure.onVariant, offVariant: before.exposure.offVariant };
    if (!intended(inspect(result, ref))) {
        throw new Error(`the edit of flag "${key}" in ${source.file} does not read back as intended (a bug in Glidepath)`);
    }
    return { before: before.exposure, after, changed: true };
}
/** flagd-core logs through this; Glidepath reports its verdicts itself. */
const SILENT = { debug() { }, info() { }, warn() { }, error() { } };
/**
 * Loads `data` into flagd-core with strict schema validation. `FlagdCore.setConfigurations` alone
 * is not enough: it validates non-strictly, only logging schema violations at debug level, so a
 * misspelt operator would pass; the storage it wraps takes the strict flag.
 */
function validate(data, file, message, location = file) {
    const storage = new index_cjs/* MemoryStorage */.XG(SILENT);
    try {
        storage.setConfigurations(JSON.stringify(data), true);
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(message(describeFlagdError(error)), location, { cause: error });
    }
    return storage;
}
/** flagd-core's schema errors arrive as JSON in the message; the deepest three say the most. */
function describeFlagdError(error) {
    const message = error instanceof Error ? error.message : String(error);
    const list = message.indexOf('[');
    if (list >= 0) {
        try {
            const errors = JSON.parse(message.slice(list));
            const lines = [
                ...new Set([...errors]
                    .sort((a, b) => (b.instancePath?.length ?? 0) - (a.instancePath?.length ?? 0))
                    .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim())),
            ];
            if (lines.length > 0)
                return lines.slice(0, 3).join('; ');
        }
        catch {
            // Not the schema report: fall through to the message as it is.
        }
    }
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${message}${cause}`;
}
// ---------------------------------------------------------------------------------------------
// The one structural edit: targeting becomes {}
/**
 * `text` with the mapping key at `path` set to `{}`, replacing its value or, when the key is
 * missing, adding it after its siblings; every other byte is kept.
 */
function emptyTargeting(text, file, path) {
    const keys = path.map(String);
    if (isJson(text)) {
        // jsonc-parser replaces exactly the value's range; the formatting options only shape a key it
        // has to add, which the plans never ask of it (a missing key in JSON goes through the engine).
        const edits = (0,main.modify)(text, keys, {}, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
        return (0,main.applyEdits)(text, edits);
    }
    const tokens = [...new dist/* Parser */.iX().parse(text)];
    const document = tokens.find((token) => token.type === 'document');
    let parent = document?.type === 'document' ? document.value : undefined;
    for (const key of keys.slice(0, -1)) {
        parent = isMapToken(parent) ? findItem(parent, key)?.value : undefined;
    }
    if (!isMapToken(parent))
        throw new Error(`${file}: ${keys.join('.')} has no mapping parent in the syntax tree (a bug in Glidepath)`);
    const key = keys[keys.length - 1];
    const item = findItem(parent, key);
    if (item)
        replaceWithEmptyMap(item, keys, file);
    else
        appendEmptyMap(parent, key, text);
    return tokens.map((token) => dist/* CST */.DB.stringify(token)).join('');
}
function replaceWithEmptyMap(item, keys, file) {
    const old = item.value;
    if (item.sep?.some((token) => token.type === 'anchor')) {
        throw new errors/* ConfigurationError */.j1(`${keys.join('.')} carries an anchor (&) that other nodes may refer to; replace the aliases with their own values first`, file);
    }
    item.value = emptyMapToken(old.offset, trailingTokens(old));
    // In block style the separator holds `:`, then the line break and indentation before the old
    // value (and any comment after the colon, which described the rules being removed).
    const colon = item.sep?.findIndex((token) => token.type === 'map-value-ind') ?? -1;
    if (item.sep && colon >= 0 && item.sep.slice(colon + 1).some((token) => token.type === 'newline')) {
        item.sep = [...item.sep.slice(0, colon + 1), sourceToken('space', old.offset, ' ')];
    }
}
/** `key: {}` as the mapping's last entry, in its style: a new line at its column, or `, key: {}`. */
function appendEmptyMap(map, key, text) {
    const at = map.offset;
    const last = map.items[map.items.length - 1];
    const sep = [sourceToken('map-value-ind', at, ':'), sourceToken('space', at, ' ')];
    const keyToken = dist/* CST */.DB.createScalarToken(key, {
        indent: map.type === 'block-map' ? map.indent : 0,
        implicitKey: true,
        inFlow: map.type === 'flow-collection',
        // Without `end` the token brings its own line break, which would split `key` from `: {}`.
        end: [],
    });
    if (map.type === 'flow-collection') {
        const start = last ? [sourceToken('comma', at, ','), sourceToken('space', at, ' ')] : [];
        map.items.push({ start, key: keyToken, sep, value: emptyMapToken(at, []) });
        return;
    }
    // The file's own line ending; a last line without one (no final newline) gets one first and
    // the new last line goes without, so the file still ends the way it did.
    const eol = /\r?\n/.exec(text)?.[0] ?? '\n';
    const endsLine = last !== undefined && /\n$/.test(dist/* CST */.DB.stringify(last));
    const start = [
        ...(endsLine ? [] : [sourceToken('newline', at, eol)]),
        sourceToken('space', at, ' '.repeat(map.indent)),
    ];
    map.items.push({
        start,
        key: keyToken,
        sep,
        value: emptyMapToken(at, endsLine ? [sourceToken('newline', at, eol)] : []),
    });
}
/**
 * What follows a value on its line and belongs to the mapping around it: a comment and the line
 * break after a flow value or scalar; after a block value only its final line break (its comments
 * are inside the rules being removed).
 */
function trailingTokens(value) {
    if (value.type === 'flow-collection') {
        const close = value.end.findIndex((token) => token.type === 'flow-map-end' || token.type === 'flow-seq-end');
        return value.end.slice(close + 1);
    }
    if ('end' in value && Array.isArray(value.end))
        return value.end;
    const lineBreak = /\r?\n$/.exec(dist/* CST */.DB.stringify(value))?.[0];
    return lineBreak ? [sourceToken('newline', value.offset, lineBreak)] : [];
}
function emptyMapToken(offset, trailing) {
    const end = [sourceToken('flow-map-end', offset, '}'), ...trailing];
    return {
        type: 'flow-collection',
        offset,
        indent: 0,
        start: sourceToken('flow-map-start', offset, '{'),
        items: [],
        end,
    };
}
/** Offsets and indents of new tokens are not read back: `CST.stringify` writes only their source. */
function sourceToken(type, offset, source) {
    return { type, offset, indent: 0, source };
}
function isMapToken(token) {
    return token?.type === 'block-map' || (token?.type === 'flow-collection' && token.start.source === '{');
}
function findItem(map, key) {
    return map.items.find((item) => item.key && dist/* CST */.DB.resolveAsScalar(item.key)?.value === key);
}
/** Whether the file is JSON (and so edited with a JSON editor), as opposed to YAML. */
function isJson(text) {
    try {
        JSON.parse(text.replace(/^\uFEFF/, ''));
        return true;
    }
    catch {
        return false;
    }
}
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/traffic/flags/types.ts
/** Every provider name, for messages and the factory's exhaustiveness. */
const FLAG_PROVIDER_NAMES = ['flagd'];

;// CONCATENATED MODULE: ./src/traffic/flags/index.ts
/**
 * The flag-provider factory: the one place that maps a provider name to its implementation.
 * Adding a flag system is one new file and one case here.
 */




/** The provider called `name` (policy `desired.flags.provider`); an unknown name is a ConfigurationError. */
function createFlagProvider(name, field = 'flags.provider') {
    const known = name;
    switch (known) {
        case 'flagd':
            return flagdProvider;
        default: {
            // Exhaustive: a new FlagProviderName without a case here fails to compile.
            const unknown = known;
            throw new errors/* ConfigurationError */.j1(`${field}: unknown flag provider "${String(unknown)}"; use one of: ${FLAG_PROVIDER_NAMES.join(', ')}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/traffic/flags/set-flag.ts
/**
 * The library call behind `glidepath edit set-flag` and the flag part of `desire`: one flag file's
 * text in, the edited text out. No I/O, so the desired-state writers can call it on whatever head
 * they are about to commit on.
 */



/** Plans `request` on the flag file `text` (named `file` in messages); throws ConfigurationError when it cannot. */
function planSetFlag(text, file, request) {
    const provider = createFlagProvider(request.provider ?? 'flagd');
    const source = (0,yaml_edit/* parseManifestSource */.sp)(text, file);
    const ref = { key: request.flag, onVariant: request.onVariant, offVariant: request.offVariant };
    const plan = request.off === true
        ? provider.planKill(source, ref)
        : provider.planSplit(source, ref, types/* Weight */.L.from(request.percent, 'percent'));
    return { after: plan.after, changed: plan.changed, before: plan.before };
}


/***/ }),

/***/ 74928:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  x$: () => (/* binding */ ROUTER_NAMES),
  NF: () => (/* binding */ routerFor)
});

// UNUSED EXPORTS: Weight, isRouterName

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./node_modules/@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1alpha2/GRPCRoute.mjs
var GRPCRoute = __webpack_require__(19573);
// EXTERNAL MODULE: ./node_modules/@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1alpha2/HTTPRoute.mjs
var HTTPRoute = __webpack_require__(257);
// EXTERNAL MODULE: ./node_modules/@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute.mjs
var v1_HTTPRoute = __webpack_require__(67807);
// EXTERNAL MODULE: ./node_modules/@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1beta1/HTTPRoute.mjs
var v1beta1_HTTPRoute = __webpack_require__(51022);
// EXTERNAL MODULE: ./src/manifests/yaml-edit.ts
var yaml_edit = __webpack_require__(13036);
;// CONCATENATED MODULE: ./src/traffic/routers/objects.ts
/**
 * What every router does the same way: find the routing object in a (multi-document) manifest
 * file, tell the stable backend from the canary, and check the edited object before any byte is
 * written. Routers read plain values (`toJS`) and address edits by document index and path, so a
 * router never touches YAML nodes.
 */


/** A mapping, or undefined for anything else. */
function asMap(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}
/** A sequence, or an empty one for anything else (a missing list and an empty one mean the same here). */
function asList(value) {
    return Array.isArray(value) ? value : [];
}
/** Every object in `source` whose kind is one of `kinds`. */
function objectsOfKind(source, kinds) {
    const found = [];
    source.documents.forEach((document, index) => {
        const body = asMap(document.toJS());
        if (!body || typeof body.kind !== 'string' || !kinds.includes(body.kind))
            return;
        const name = asMap(body.metadata)?.name;
        found.push({
            document: index,
            apiVersion: typeof body.apiVersion === 'string' ? body.apiVersion : '',
            kind: body.kind,
            name: typeof name === 'string' ? name : '',
            body,
        });
    });
    return found;
}
/**
 * The one object of `kinds` named `name`. A missing name lists the names present, so a typo is
 * fixed in one go; two objects of the same name (different namespaces in one file) are refused
 * rather than guessed between.
 */
function findObject(source, kinds, name, described = kinds.join(' or ')) {
    const all = objectsOfKind(source, kinds);
    const named = all.filter((object) => object.name === name);
    if (named.length === 1)
        return named[0];
    if (named.length > 1) {
        throw new errors/* ConfigurationError */.j1(`${named.length} ${described} objects are named "${name}" (${named
            .map((object) => (0,yaml_edit/* positionOf */.df)(source, object.document, []))
            .join(', ')}); keep one per file so Glidepath edits the right one`, source.file);
    }
    throw new errors/* ConfigurationError */.j1(all.length === 0
        ? `no ${described} in the file; point the traffic router at the file that holds the route "${name}"`
        : `no ${described} named "${name}"; the file has: ${all.map((object) => object.name).join(', ')}`, source.file);
}
/** `FILE:LINE:COL` of `path` inside `object` (or of its deepest existing parent). */
function locate(source, object, path) {
    return (0,yaml_edit/* positionOf */.df)(source, object.document, path);
}
/** Whether `candidate` looks like a canary by name: `canary` itself or anything ending in `-canary`. */
function looksLikeCanary(candidate) {
    return candidate.names.some((name) => name === 'canary' || name.endsWith('-canary'));
}
/**
 * Indexes of the stable and canary backends among `candidates`. Explicit names win; otherwise
 * the canary is the one whose name ends with `-canary` and the stable one is the other of exactly
 * two. Anything else is ambiguous and refused: guessing wrong would send production traffic to
 * the wrong version.
 */
function identifyPair(candidates, options, where) {
    const labels = candidates.map((candidate) => candidate.label).join(', ') || 'none';
    const byName = (name, role, flag) => {
        const matches = candidates.flatMap((candidate, index) => (candidate.names.includes(name) ? [index] : []));
        if (matches.length !== 1) {
            throw new errors/* ConfigurationError */.j1(matches.length === 0
                ? `${role} backend "${name}" is not among the backends (${labels}); check ${flag}`
                : `${role} backend "${name}" matches several backends (${matches
                    .map((index) => candidates[index].label)
                    .join(', ')}); name it more precisely with ${flag}`, where);
        }
        return matches[0];
    };
    let canary;
    if (options.canaryService !== undefined) {
        canary = byName(options.canaryService, 'canary', 'canaryService (--canary-service)');
    }
    else {
        const guesses = candidates.flatMap((candidate, index) => (looksLikeCanary(candidate) ? [index] : []));
        if (guesses.length !== 1) {
            throw new errors/* ConfigurationError */.j1(`cannot tell the canary among the backends (${labels}); name it with canaryService (--canary-service)`, where);
        }
        canary = guesses[0];
    }
    let stable;
    if (options.stableService !== undefined) {
        stable = byName(options.stableService, 'stable', 'stableService (--stable-service)');
    }
    else {
        const others = candidates.flatMap((_, index) => (index === canary ? [] : [index]));
        if (others.length !== 1) {
            throw new errors/* ConfigurationError */.j1(`cannot tell the stable backend among ${labels}; name it with stableService (--stable-service)`, where);
        }
        stable = others[0];
    }
    if (stable === canary) {
        throw new errors/* ConfigurationError */.j1(`stable and canary are the same backend (${candidates[stable].label})`, where);
    }
    return { stable, canary };
}
/** Edits with the ones that set a value already present dropped, so a no-op plans nothing. */
function changedOnly(object, edits) {
    return edits.filter((edit) => getIn(object.body, edit.path) !== edit.value);
}
/** The value at `path` in plain `root`. */
function getIn(root, path) {
    let node = root;
    for (const key of path) {
        if (typeof node !== 'object' || node === null)
            return undefined;
        node = node[key];
    }
    return node;
}
/** A deep copy of `object.body` with `edits` applied, as the file will read once they are written. */
function edited(object, edits) {
    const copy = structuredClone(object.body);
    for (const edit of edits) {
        if (edit.document !== object.document)
            continue;
        let node = copy;
        edit.path.forEach((key, index) => {
            if (index === edit.path.length - 1) {
                node[key] = edit.value;
                return;
            }
            const next = node[key];
            if (typeof next !== 'object' || next === null) {
                node[key] = typeof edit.path[index + 1] === 'number' ? [] : {};
            }
            node = node[key];
        });
    }
    return copy;
}
/**
 * Checks `body` (an edited object) against the published schema for its apiVersion and kind in
 * `models` (`"<apiVersion> <kind>"` → model class), or for `schemaVersion` where a newer apiVersion
 * promoted an older one unchanged; objects with no model are checked only by the router. A
 * rejection names the field's `FILE:LINE:COL` and says nothing was changed.
 */
function validateModel(source, object, body, models, schemaVersion = object.apiVersion) {
    const Model = models[`${schemaVersion} ${object.kind}`];
    if (!Model)
        return;
    try {
        new Model({ ...body, apiVersion: schemaVersion }).validate();
    }
    catch (error) {
        const first = error.errors?.[0];
        const path = (first?.instancePath ?? '')
            .split('/')
            .slice(1)
            .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
            .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
        const field = path.length ? path.join('.') : 'the object';
        throw new errors/* ConfigurationError */.j1(`${object.kind} ${object.name} would not be valid after the edit (${schemaVersion} schema: ${field} ${first?.message ?? error.message}); nothing was changed`, locate(source, object, path), { cause: error });
    }
}

// EXTERNAL MODULE: ./src/traffic/routers/types.ts
var types = __webpack_require__(34461);
;// CONCATENATED MODULE: ./src/traffic/routers/proportion.ts
/**
 * Two-way proportional weights (Gateway API, SMI, Traefik): traffic goes to each backend in
 * proportion to its weight, so 9:1, 90:10 and 900m:100m are the same split. Glidepath writes
 * percentages (they read as what they mean) but accepts any proportion it finds.
 */


/**
 * The canary's share of `stable`:`canary` as a whole percent. A split that is not a whole
 * percent (1:2 is 33.3 %) is reported to the nearest percent, halves rounded up, because readings
 * feed messages and step comparisons, never a write.
 */
function canaryPercent(stable, canary, where) {
    if (stable < 0 || canary < 0) {
        throw new errors/* ConfigurationError */.j1(`weights must not be negative (stable ${stable}, canary ${canary})`, where);
    }
    if (stable + canary === 0) {
        throw new errors/* ConfigurationError */.j1('both backends weigh 0, so the route sends no traffic anywhere; give the stable backend a weight', where);
    }
    return types/* Weight */.L.of(Math.floor((canary * 100) / (stable + canary) + 0.5));
}
/**
 * Whether `stable`:`canary` already is exactly `target` (by cross-multiplication, no rounding):
 * then nothing needs writing, and 1:0 stays 1:0 instead of becoming 100:0.
 */
function splitsExactly(stable, canary, target) {
    return stable + canary > 0 && stable * target.percent === canary * (100 - target.percent);
}

;// CONCATENATED MODULE: ./src/traffic/routers/gateway-api.ts
/**
 * Gateway API routes (HTTPRoute, and GRPCRoute which shares the shape). Weights are proportional
 * (`weight` defaults to 1, so two unweighted backendRefs split 50/50); Glidepath writes percentages.
 *
 * Which rules are touched:
 * - weight: every rule without a header match that lists both the stable and the canary backendRef
 *   (path-split routes repeat the pair per path; they all move together);
 * - header route: rules whose `matches[].headers[]` name the header (HTTP header names compare
 *   case-insensitively); on, their value is set and their traffic sent to the canary; off, their
 *   traffic goes back to the stable backendRef the rule lists (at weight 0 while on);
 * - mirror: rules without a header match carrying a `RequestMirror` filter to the canary; its
 *   `percent` (Gateway API v1.2+) is set.
 * Structure (a rule, a filter) is never invented: a route missing one is refused with the YAML to
 * add once, so the file stays the reviewed source of truth.
 */








const KINDS = ['HTTPRoute', 'GRPCRoute'];
const MODELS = {
    'gateway.networking.k8s.io/v1 HTTPRoute': v1_HTTPRoute/* HTTPRoute */.A,
    'gateway.networking.k8s.io/v1beta1 HTTPRoute': v1beta1_HTTPRoute/* HTTPRoute */.A,
    'gateway.networking.k8s.io/v1alpha2 HTTPRoute': HTTPRoute/* HTTPRoute */.A,
    'gateway.networking.k8s.io/v1alpha2 GRPCRoute': GRPCRoute/* GRPCRoute */.E,
};
/** A gateway API default: a backendRef without `weight` weighs 1. */
const DEFAULT_WEIGHT = 1;
const rulePath = (rule) => ['spec', 'rules', rule.index];
const weightPath = (rule, backend) => [
    ...rulePath(rule),
    'backendRefs',
    backend.index,
    'weight',
];
function rulesOf(source, object) {
    return asList(asMap(object.body.spec)?.rules).map((value, index) => {
        const body = asMap(value) ?? {};
        const backends = asList(body.backendRefs).map((ref, refIndex) => {
            const map = asMap(ref) ?? {};
            const weight = map.weight ?? DEFAULT_WEIGHT;
            if (typeof weight !== 'number' || !Number.isInteger(weight)) {
                throw new errors/* ConfigurationError */.j1(`backendRef weight must be a whole number, got ${JSON.stringify(weight)}`, locate(source, object, ['spec', 'rules', index, 'backendRefs', refIndex, 'weight']));
            }
            return { index: refIndex, name: String(map.name ?? ''), weight };
        });
        const headers = asList(body.matches).flatMap((match) => asList(asMap(match)?.headers).map((header) => String(asMap(header)?.name ?? '').toLowerCase()));
        return { index, body, backends, headers };
    });
}
function mirrorFilters(rule) {
    return asList(rule.body.filters).flatMap((filter, index) => {
        const map = asMap(filter);
        const mirror = asMap(map?.requestMirror);
        return map?.type === 'RequestMirror' && mirror ? [{ index, mirror }] : [];
    });
}
const mirrorTarget = (mirror) => String(asMap(mirror.backendRef)?.name ?? '');
/**
 * The route and which of its backends are stable and canary. Candidates are every backend the
 * route names (backendRefs and mirror targets), so a route whose canary is only mirrored or only
 * header-routed is still understood.
 */
function routeOf(source, options) {
    const object = findObject(source, KINDS, options.route, 'HTTPRoute or GRPCRoute');
    const rules = rulesOf(source, object);
    const names = [
        ...new Set(rules.flatMap((rule) => [
            ...rule.backends.map((backend) => backend.name),
            ...mirrorFilters(rule).map((filter) => mirrorTarget(filter.mirror)),
        ])),
    ];
    const pair = identifyPair(names.map((name) => ({ label: name, names: [name] })), options, locate(source, object, ['spec', 'rules']));
    return { object, rules, stable: names[pair.stable], canary: names[pair.canary] };
}
/** The rules that carry the weighted split; refuses a route that has none or mixes in a third backend. */
function weightedRules(source, route) {
    const rules = route.rules.filter((rule) => rule.headers.length === 0 &&
        rule.backends.some((backend) => backend.name === route.stable) &&
        rule.backends.some((backend) => backend.name === route.canary));
    if (rules.length === 0) {
        throw new errors/* ConfigurationError */.j1(`${route.object.kind} ${route.object.name} has no rule listing both ${route.stable} and ${route.canary}; ` +
            `add the canary next to the stable backendRef once, e.g. backendRefs: [{name: ${route.stable}, port: 80, weight: 100}, {name: ${route.canary}, port: 80, weight: 0}]`, locate(source, route.object, ['spec', 'rules']));
    }
    for (const rule of rules)
        refuseThirdBackend(source, route, rule);
    return rules;
}
function refuseThirdBackend(source, route, rule) {
    const others = rule.backends.filter((backend) => backend.name !== route.stable && backend.name !== route.canary);
    if (others.length > 0) {
        throw new errors/* ConfigurationError */.j1(`the rule splits between ${rule.backends.map((backend) => backend.name).join(', ')}; ` +
            `Glidepath moves traffic between exactly two backends (${route.stable}, ${route.canary})`, locate(source, route.object, [...rulePath(rule), 'backendRefs']));
    }
}
function pairOf(rule, route) {
    return {
        stable: rule.backends.find((backend) => backend.name === route.stable),
        canary: rule.backends.find((backend) => backend.name === route.canary),
    };
}
function readWeights(source, options) {
    const route = routeOf(source, options);
    let reading;
    for (const rule of weightedRules(source, route)) {
        const { stable, canary } = pairOf(rule, route);
        const location = locate(source, route.object, weightPath(rule, canary));
        const percent = canaryPercent(stable.weight, canary.weight, location);
        if (reading && reading.canary.percent !== percent.percent) {
            throw new errors/* ConfigurationError */.j1(`rules disagree: ${reading.location} gives the canary ${reading.canary}, this rule ${percent}; ` +
                `set them equal (glidepath edit set-weight does) before stepping`, location);
        }
        reading ??= {
            route: options.route,
            stable: percent.complement,
            canary: percent,
            stableService: route.stable,
            canaryService: route.canary,
            location,
        };
    }
    return reading;
}
function planWeights(source, request) {
    const target = types/* Weight */.L.from(request.canary, 'canary weight');
    const route = routeOf(source, request);
    const document = route.object.document;
    const edits = weightedRules(source, route).flatMap((rule) => {
        const { stable, canary } = pairOf(rule, route);
        if (splitsExactly(stable.weight, canary.weight, target))
            return [];
        return [
            { document, path: weightPath(rule, stable), value: target.complement.percent },
            { document, path: weightPath(rule, canary), value: target.percent },
        ];
    });
    return checked(source, route.object, edits);
}
/**
 * The rules whose matches name `header`; a route without one is refused with the rule to add
 * (`value` fills the example).
 */
function headerRules(source, route, header, value) {
    const name = header.toLowerCase();
    const rules = route.rules.filter((rule) => rule.headers.includes(name));
    if (rules.length === 0) {
        throw new errors/* ConfigurationError */.j1(`${route.object.kind} ${route.object.name} has no rule matching header "${header}"; add one once, e.g. ` +
            `- matches: [{headers: [{name: ${header}, value: "${value}"}]}]\n  backendRefs: [{name: ${route.canary}, port: 80}]`, locate(source, route.object, ['spec', 'rules']));
    }
    for (const rule of rules)
        refuseThirdBackend(source, route, rule);
    return rules;
}
/** Each match of `rule` on `header`, with its path and plain value. */
function headerMatches(rule, header) {
    const name = header.toLowerCase();
    return asList(rule.body.matches).flatMap((match, matchIndex) => asList(asMap(match)?.headers).flatMap((value, headerIndex) => {
        const map = asMap(value) ?? {};
        if (String(map.name ?? '').toLowerCase() !== name)
            return [];
        return [{ path: [...rulePath(rule), 'matches', matchIndex, 'headers', headerIndex], match: map }];
    }));
}
function planHeaderRoute(source, request) {
    const route = routeOf(source, request);
    const document = route.object.document;
    const rules = headerRules(source, route, request.header, request.value);
    const edits = [];
    for (const rule of rules) {
        const { stable, canary } = pairOf(rule, route);
        if (request.enabled === false) {
            if (!stable) {
                const port = asMap(asList(rule.body.backendRefs)[canary?.index ?? 0])?.port ?? 80;
                throw new errors/* ConfigurationError */.j1(`the rule matching header "${request.header}" has no stable backend to send those requests back to; ` +
                    `add ${route.stable} to its backendRefs once at weight 0, e.g. - name: ${route.stable}\n  port: ${String(port)}\n  weight: 0`, locate(source, route.object, [...rulePath(rule), 'backendRefs']));
            }
            // Only what takes the header traffic off the canary: a 0 on the canary (an absent weight
            // means 1), and a weight on a stable at 0. The header value can stay: nothing matches it
            // to the canary any more, and turning the route on again sets it.
            if (canary && canary.weight !== 0)
                edits.push({ document, path: weightPath(rule, canary), value: 0 });
            if (stable.weight === 0)
                edits.push({ document, path: weightPath(rule, stable), value: 100 });
            continue;
        }
        for (const { path, match } of headerMatches(rule, request.header)) {
            if (match.type !== undefined && match.type !== 'Exact') {
                throw new errors/* ConfigurationError */.j1(`the header match is type ${String(match.type)}; Glidepath sets exact values, so make it type: Exact (or drop type)`, locate(source, route.object, [...path, 'type']));
            }
            edits.push({ document, path: [...path, 'value'], value: request.value });
        }
        if (!canary) {
            throw new errors/* ConfigurationError */.j1(`the rule matching header "${request.header}" does not route to the canary ${route.canary}; add it to its backendRefs`, locate(source, route.object, [...rulePath(rule), 'backendRefs']));
        }
        // Only what keeps the header traffic off stable: a 0 on stable, and a weight on a canary at 0.
        if (stable && stable.weight !== 0)
            edits.push({ document, path: weightPath(rule, stable), value: 0 });
        if (canary.weight === 0)
            edits.push({ document, path: weightPath(rule, canary), value: 100 });
    }
    return checked(source, route.object, edits);
}
/**
 * On when every rule matching the header sends its requests wholly to the canary, off when wholly
 * to stable. A rule that splits them, sends them nowhere, or disagrees with another is refused:
 * neither answer would be true.
 */
function readHeaderRoute(source, options) {
    const route = routeOf(source, options);
    let reading;
    for (const rule of headerRules(source, route, options.header, 'on')) {
        const { stable, canary } = pairOf(rule, route);
        const toCanary = (canary?.weight ?? 0) > 0;
        const toStable = (stable?.weight ?? 0) > 0;
        const location = locate(source, route.object, canary
            ? weightPath(rule, canary)
            : stable
                ? weightPath(rule, stable)
                : [...rulePath(rule), 'backendRefs']);
        if (toCanary === toStable) {
            throw new errors/* ConfigurationError */.j1(toCanary
                ? `the rule matching header "${options.header}" splits its requests between ${route.stable} (${stable.weight}) and ${route.canary} (${canary.weight}); ` +
                    `a header route sends them to one: set the other's weight to 0`
                : `the rule matching header "${options.header}" gives no backend a weight above 0, so the gateway answers its requests with 500; ` +
                    `give ${route.stable} weight 100`, location);
        }
        if (reading && reading.enabled !== toCanary) {
            throw new errors/* ConfigurationError */.j1(`rules matching header "${options.header}" disagree: ${reading.location} sends its requests to ${reading.enabled ? 'the canary' : 'stable'}, this rule to ${toCanary ? 'the canary' : 'stable'}; make them agree`, location);
        }
        const value = headerMatches(rule, options.header)
            .map(({ match }) => match.value)
            .find((candidate) => typeof candidate === 'string');
        reading ??= { enabled: toCanary, ...(value !== undefined ? { value } : {}), location };
    }
    return reading;
}
function planMirror(source, request) {
    const target = types/* Weight */.L.from(request.percent, 'mirror percent');
    const route = routeOf(source, request);
    const document = route.object.document;
    const mirrors = route.rules
        .filter((rule) => rule.headers.length === 0)
        .flatMap((rule) => mirrorFilters(rule)
        .filter((filter) => mirrorTarget(filter.mirror) === route.canary)
        .map((filter) => ({
        ...filter,
        path: [...rulePath(rule), 'filters', filter.index, 'requestMirror'],
    })));
    if (mirrors.length === 0) {
        throw new errors/* ConfigurationError */.j1(`${route.object.kind} ${route.object.name} has no RequestMirror filter to ${route.canary}; add one to the stable rule once, e.g. ` +
            `filters: [{type: RequestMirror, requestMirror: {backendRef: {name: ${route.canary}, port: 80}, percent: 0}}]`, locate(source, route.object, ['spec', 'rules']));
    }
    const edits = mirrors.flatMap(({ mirror, path }) => {
        if (mirror.fraction !== undefined) {
            throw new errors/* ConfigurationError */.j1('the mirror uses fraction; Glidepath writes percent, so replace fraction with percent', locate(source, route.object, [...path, 'fraction']));
        }
        // Without percent a RequestMirror copies every request: 100 is already what the file says.
        if (mirror.percent === undefined && target.percent === 100)
            return [];
        return [{ document, path: [...path, 'percent'], value: target.percent }];
    });
    return checked(source, route.object, edits);
}
function checked(source, object, edits) {
    const changes = changedOnly(object, edits);
    validateModel(source, object, edited(object, changes), MODELS);
    return changes;
}
/** The Gateway API router. */
const gatewayApiRouter = {
    name: 'gateway-api',
    readWeights,
    planWeights,
    planHeaderRoute,
    readHeaderRoute,
    planMirror,
};

// EXTERNAL MODULE: ./node_modules/@kubernetes-models/istio/networking.istio.io/v1alpha3/VirtualService.mjs
var VirtualService = __webpack_require__(44574);
// EXTERNAL MODULE: ./node_modules/@kubernetes-models/istio/networking.istio.io/v1beta1/VirtualService.mjs
var v1beta1_VirtualService = __webpack_require__(29938);
;// CONCATENATED MODULE: ./src/traffic/routers/istio.ts
/**
 * Istio VirtualService. A destination is named by its subset when it has one (subset split:
 * one host, subsets `stable`/`canary`), else by its host (host split: `app-stable`/`app-canary`);
 * `stableService`/`canaryService` may give the subset, the host or the host's short name.
 *
 * Which `http[]` entries are touched:
 * - weight: entries without a header match whose route lists both destinations; Istio wants the
 *   weights of a route to total 100, so a route that does not is refused, never "fixed";
 * - header route: entries matching the header (`match[].headers.<name>.exact`); on, set to the
 *   value and routed wholly to the canary; off, routed wholly to the stable destination the entry
 *   lists (at weight 0 while on). Istio takes the first entry that matches, so a header entry
 *   below a catch-all entry would never be reached and is refused;
 * - mirror: entries without a header match whose `mirror` is the canary; `mirrorPercentage.value`
 *   is set (the deprecated integer `mirrorPercent` where the file still uses it).
 */





const istio_MODELS = {
    'networking.istio.io/v1beta1 VirtualService': v1beta1_VirtualService/* VirtualService */.z,
    'networking.istio.io/v1alpha3 VirtualService': VirtualService/* VirtualService */.z,
};
/** Istio v1 (1.22+) promoted v1beta1 unchanged, so its objects are checked against the v1beta1 schema. */
const SCHEMA_VERSION = { 'networking.istio.io/v1': 'networking.istio.io/v1beta1' };
function destinationOf(value) {
    const map = asMap(value);
    if (!map || typeof map.host !== 'string')
        return undefined;
    const subset = typeof map.subset === 'string' ? map.subset : undefined;
    return { key: `${map.host}#${subset ?? ''}`, host: map.host, subset };
}
const label = (destination) => destination.subset ?? destination.host;
const entryPath = (entry) => ['spec', 'http', entry.index];
const istio_weightPath = (entry, route) => [
    ...entryPath(entry),
    'route',
    route.index,
    'weight',
];
function entriesOf(source, object) {
    return asList(asMap(object.body.spec)?.http).map((value, index) => {
        const body = asMap(value) ?? {};
        const routes = asList(body.route).flatMap((route, routeIndex) => {
            const map = asMap(route) ?? {};
            const destination = destinationOf(map.destination);
            if (!destination)
                return [];
            if (map.weight !== undefined && (typeof map.weight !== 'number' || !Number.isInteger(map.weight))) {
                throw new errors/* ConfigurationError */.j1(`route weight must be a whole number, got ${JSON.stringify(map.weight)}`, locate(source, object, ['spec', 'http', index, 'route', routeIndex, 'weight']));
            }
            return [{ index: routeIndex, destination, weight: map.weight }];
        });
        const matches = asList(body.match);
        const headers = matches.flatMap((match) => Object.keys(asMap(asMap(match)?.headers) ?? {}));
        return {
            index,
            body,
            routes,
            headers: headers.map((header) => header.toLowerCase()),
            catchAll: matches.length === 0,
            mirror: destinationOf(body.mirror),
        };
    });
}
function serviceOf(source, options) {
    const object = findObject(source, ['VirtualService'], options.route, 'VirtualService');
    const entries = entriesOf(source, object);
    const seen = new Map();
    for (const entry of entries) {
        for (const destination of [...entry.routes.map((route) => route.destination), entry.mirror]) {
            if (destination && !seen.has(destination.key))
                seen.set(destination.key, destination);
        }
    }
    const destinations = [...seen.values()];
    const candidates = destinations.map((destination) => ({
        label: label(destination),
        names: [
            ...(destination.subset ? [destination.subset] : []),
            destination.host,
            ...(destination.host.includes('.') ? [destination.host.split('.')[0]] : []),
        ],
    }));
    // Two subsets of one host share the host's name; only the subset tells them apart by default.
    const pair = identifyPair(candidates, options, locate(source, object, ['spec', 'http']));
    return { object, entries, stable: destinations[pair.stable], canary: destinations[pair.canary] };
}
function istio_pairOf(entry, service) {
    return {
        stable: entry.routes.find((route) => route.destination.key === service.stable.key),
        canary: entry.routes.find((route) => route.destination.key === service.canary.key),
    };
}
function refuseThirdDestination(source, service, entry) {
    const others = entry.routes.filter((route) => route.destination.key !== service.stable.key && route.destination.key !== service.canary.key);
    if (others.length > 0) {
        throw new errors/* ConfigurationError */.j1(`the route splits between ${entry.routes.map((route) => label(route.destination)).join(', ')}; ` +
            `Glidepath moves traffic between exactly two destinations (${label(service.stable)}, ${label(service.canary)})`, locate(source, service.object, [...entryPath(entry), 'route']));
    }
}
function weightedEntries(source, service) {
    const entries = service.entries.filter((entry) => {
        const { stable, canary } = istio_pairOf(entry, service);
        return entry.headers.length === 0 && stable !== undefined && canary !== undefined;
    });
    if (entries.length === 0) {
        throw new errors/* ConfigurationError */.j1(`VirtualService ${service.object.name} has no http route listing both ${label(service.stable)} and ${label(service.canary)}; ` +
            `add the canary destination with weight: 0 next to the stable one once`, locate(source, service.object, ['spec', 'http']));
    }
    for (const entry of entries)
        refuseThirdDestination(source, service, entry);
    return entries;
}
function istio_readWeights(source, options) {
    const service = serviceOf(source, options);
    let reading;
    for (const entry of weightedEntries(source, service)) {
        const { stable, canary } = istio_pairOf(entry, service);
        const location = locate(source, service.object, istio_weightPath(entry, canary));
        const stableWeight = stable.weight ?? 0;
        const canaryWeight = canary.weight ?? 0;
        if (stableWeight + canaryWeight !== 100 || stableWeight < 0 || canaryWeight < 0) {
            throw new errors/* ConfigurationError */.j1(`route weights must total 100; ${label(service.stable)} has ${stableWeight} and ${label(service.canary)} ${canaryWeight}`, location);
        }
        if (reading && reading.canary.percent !== canaryWeight) {
            throw new errors/* ConfigurationError */.j1(`http routes disagree: ${reading.location} gives the canary ${reading.canary}, this route ${canaryWeight}%; ` +
                `set them equal (glidepath edit set-weight does) before stepping`, location);
        }
        reading ??= {
            route: options.route,
            stable: types/* Weight */.L.of(stableWeight),
            canary: types/* Weight */.L.of(canaryWeight),
            stableService: label(service.stable),
            canaryService: label(service.canary),
            location,
        };
    }
    return reading;
}
function istio_planWeights(source, request) {
    const target = types/* Weight */.L.from(request.canary, 'canary weight');
    const service = serviceOf(source, request);
    const document = service.object.document;
    const edits = weightedEntries(source, service).flatMap((entry) => {
        const { stable, canary } = istio_pairOf(entry, service);
        return [
            { document, path: istio_weightPath(entry, stable), value: target.complement.percent },
            { document, path: istio_weightPath(entry, canary), value: target.percent },
        ];
    });
    return istio_checked(source, service.object, edits);
}
/**
 * The `http[]` entries matching `header`; a service without one is refused with the entry to add
 * (`value` fills the example).
 */
function headerEntries(source, service, header, value) {
    const name = header.toLowerCase();
    const entries = service.entries.filter((entry) => entry.headers.includes(name));
    if (entries.length === 0) {
        throw new errors/* ConfigurationError */.j1(`VirtualService ${service.object.name} has no http route matching header "${header}"; add one above the default route once, e.g. ` +
            `- match: [{headers: {${name}: {exact: "${value}"}}}]\n  route: [{destination: ${destinationYaml(service.canary)}}]`, locate(source, service.object, ['spec', 'http']));
    }
    for (const entry of entries)
        refuseThirdDestination(source, service, entry);
    return entries;
}
/** Each condition of `entry` on `header`, with its path and plain value. */
function headerConditions(entry, header) {
    const name = header.toLowerCase();
    return asList(entry.body.match).flatMap((match, matchIndex) => Object.entries(asMap(asMap(match)?.headers) ?? {}).flatMap(([key, condition]) => key.toLowerCase() === name
        ? [
            {
                path: [...entryPath(entry), 'match', matchIndex, 'headers', key],
                condition: asMap(condition) ?? {},
            },
        ]
        : []));
}
const destinationYaml = (destination) => `{host: ${destination.host}${destination.subset ? `, subset: ${destination.subset}` : ''}}`;
function istio_planHeaderRoute(source, request) {
    const service = serviceOf(source, request);
    const document = service.object.document;
    const entries = headerEntries(source, service, request.header, request.value);
    const edits = [];
    for (const entry of entries) {
        const { stable, canary } = istio_pairOf(entry, service);
        if (request.enabled === false) {
            if (!stable) {
                throw new errors/* ConfigurationError */.j1(`the route matching header "${request.header}" has no stable destination to send those requests back to; ` +
                    `add it to its route once at weight 0 (and weight: 100 on the canary), e.g. - destination: ${destinationYaml(service.stable)}\n  weight: 0`, locate(source, service.object, [...entryPath(entry), 'route']));
            }
            // With two destinations Istio wants 100 + 0; a lone stable destination already takes
            // everything. The header value can stay: turning the route on again sets it.
            if (canary) {
                edits.push({ document, path: istio_weightPath(entry, stable), value: 100 });
                edits.push({ document, path: istio_weightPath(entry, canary), value: 0 });
            }
            continue;
        }
        const catchAll = service.entries.find((other) => other.catchAll && other.index < entry.index);
        if (catchAll) {
            throw new errors/* ConfigurationError */.j1(`the route matching header "${request.header}" is never reached: Istio takes the first matching route and ` +
                `${locate(source, service.object, entryPath(catchAll))} matches everything; move the header route above it`, locate(source, service.object, entryPath(entry)));
        }
        for (const { path, condition } of headerConditions(entry, request.header)) {
            if (condition.exact === undefined) {
                throw new errors/* ConfigurationError */.j1(`the header match is not exact (${Object.keys(condition).join(', ') || 'empty'}); ` +
                    `Glidepath sets exact values, so write it as {exact: "..."}`, locate(source, service.object, path));
            }
            edits.push({ document, path: [...path, 'exact'], value: request.value });
        }
        if (!canary) {
            throw new errors/* ConfigurationError */.j1(`the route matching header "${request.header}" does not go to the canary ${label(service.canary)}; add it to its route`, locate(source, service.object, [...entryPath(entry), 'route']));
        }
        // A lone destination takes everything whatever its weight; with two, Istio wants 0 + 100.
        if (stable) {
            edits.push({ document, path: istio_weightPath(entry, stable), value: 0 });
            edits.push({ document, path: istio_weightPath(entry, canary), value: 100 });
        }
        else if (canary.weight !== undefined && canary.weight !== 100) {
            edits.push({ document, path: istio_weightPath(entry, canary), value: 100 });
        }
    }
    return istio_checked(source, service.object, edits);
}
/**
 * On when every route matching the header sends its requests wholly to the canary (a lone canary
 * destination, or canary 100 + stable 0), off when wholly to stable. A route that splits them or
 * disagrees with another is refused: neither answer would be true.
 */
function istio_readHeaderRoute(source, options) {
    const service = serviceOf(source, options);
    let reading;
    for (const entry of headerEntries(source, service, options.header, 'on')) {
        const { stable, canary } = istio_pairOf(entry, service);
        const location = locate(source, service.object, canary
            ? istio_weightPath(entry, canary)
            : stable
                ? istio_weightPath(entry, stable)
                : [...entryPath(entry), 'route']);
        // A lone destination takes everything; two share by weight (absent counts as 0, as for the split).
        const toCanary = canary !== undefined && (stable === undefined || (canary.weight === 100 && !stable.weight));
        const toStable = stable !== undefined && (canary === undefined || (stable.weight === 100 && !canary.weight));
        if (toCanary === toStable) {
            throw new errors/* ConfigurationError */.j1(stable && canary
                ? `the route matching header "${options.header}" splits its requests between ${label(service.stable)} (${stable.weight ?? 0}) and ${label(service.canary)} (${canary.weight ?? 0}); ` +
                    `a header route sends them to one: give it weight 100 and the other 0`
                : `the route matching header "${options.header}" goes to neither ${label(service.stable)} nor ${label(service.canary)}; add the canary to its route`, location);
        }
        if (reading && reading.enabled !== toCanary) {
            throw new errors/* ConfigurationError */.j1(`routes matching header "${options.header}" disagree: ${reading.location} sends its requests to ${reading.enabled ? 'the canary' : 'stable'}, this route to ${toCanary ? 'the canary' : 'stable'}; make them agree`, location);
        }
        const value = headerConditions(entry, options.header)
            .map(({ condition }) => condition.exact)
            .find((candidate) => typeof candidate === 'string');
        reading ??= { enabled: toCanary, ...(value !== undefined ? { value } : {}), location };
    }
    return reading;
}
function istio_planMirror(source, request) {
    const target = types/* Weight */.L.from(request.percent, 'mirror percent');
    const service = serviceOf(source, request);
    const document = service.object.document;
    const entries = service.entries.filter((entry) => entry.headers.length === 0 && entry.mirror?.key === service.canary.key);
    if (entries.length === 0) {
        throw new errors/* ConfigurationError */.j1(`VirtualService ${service.object.name} has no http route mirroring to ${label(service.canary)}; add to the stable route once, e.g. ` +
            `mirror: ${destinationYaml(service.canary)} and mirrorPercentage: {value: 0}`, locate(source, service.object, ['spec', 'http']));
    }
    const edits = entries.flatMap((entry) => {
        const body = entry.body;
        if (asMap(body.mirrorPercentage) !== undefined || body.mirrorPercent === undefined) {
            // Istio mirrors every request when no percentage is given: 100 needs no edit then.
            if (body.mirrorPercentage === undefined && target.percent === 100)
                return [];
            return [{ document, path: [...entryPath(entry), 'mirrorPercentage', 'value'], value: target.percent }];
        }
        return [{ document, path: [...entryPath(entry), 'mirrorPercent'], value: target.percent }];
    });
    return istio_checked(source, service.object, edits);
}
function istio_checked(source, object, edits) {
    const changes = changedOnly(object, edits);
    validateModel(source, object, edited(object, changes), istio_MODELS, SCHEMA_VERSION[object.apiVersion]);
    return changes;
}
/** The Istio router. */
const istioRouter = {
    name: 'istio',
    readWeights: istio_readWeights,
    planWeights: istio_planWeights,
    planHeaderRoute: istio_planHeaderRoute,
    readHeaderRoute: istio_readHeaderRoute,
    planMirror: istio_planMirror,
};

// EXTERNAL MODULE: ./node_modules/kubernetes-models/extensions/v1beta1/Ingress.mjs + 8 modules
var Ingress = __webpack_require__(27144);
// EXTERNAL MODULE: ./node_modules/kubernetes-models/networking.k8s.io/v1/Ingress.mjs + 13 modules
var v1_Ingress = __webpack_require__(37201);
// EXTERNAL MODULE: ./node_modules/kubernetes-models/networking.k8s.io/v1beta1/Ingress.mjs + 8 modules
var v1beta1_Ingress = __webpack_require__(70752);
;// CONCATENATED MODULE: ./src/traffic/routers/nginx.ts
/**
 * ingress-nginx canary Ingress: a second Ingress for the same host and path, marked with
 * `nginx.ingress.kubernetes.io/canary: "true"`, takes `canary-weight` out of `canary-weight-total`
 * (default 100) of the requests; the stable Ingress takes the rest. `route` names the canary
 * Ingress, the one Glidepath edits.
 *
 * Annotation values are strings in Kubernetes: `canary-weight: "25"` is right, `canary-weight: 25`
 * is rejected by the API server. Glidepath writes strings and refuses to read a number, since a
 * file the cluster would reject is not a split it can step from.
 */







const nginx_MODELS = {
    'networking.k8s.io/v1 Ingress': v1_Ingress/* Ingress */.G,
    'networking.k8s.io/v1beta1 Ingress': v1beta1_Ingress/* Ingress */.G,
    'extensions/v1beta1 Ingress': Ingress/* Ingress */.G,
};
const PREFIX = 'nginx.ingress.kubernetes.io/';
const annotation = (name) => ['metadata', 'annotations', `${PREFIX}${name}`];
const isCanary = (object) => getIn(object.body, annotation('canary')) === 'true';
/** A whole-number annotation, or `fallback` when absent. */
function numberAnnotation(source, object, name, fallback) {
    const value = getIn(object.body, annotation(name));
    if (value === undefined)
        return fallback;
    const where = locate(source, object, annotation(name));
    if (typeof value !== 'string') {
        throw new errors/* ConfigurationError */.j1(`annotation values must be strings; quote it: ${PREFIX}${name}: "${String(value)}"`, where);
    }
    if (!/^\d+$/.test(value.trim())) {
        throw new errors/* ConfigurationError */.j1(`${PREFIX}${name} must be a whole number, got "${value}"`, where);
    }
    return Number(value.trim());
}
function canaryOf(source, options) {
    const object = findObject(source, ['Ingress'], options.route, 'Ingress');
    if (!isCanary(object)) {
        const canaries = objectsOfKind(source, ['Ingress']).filter(isCanary);
        throw new errors/* ConfigurationError */.j1(`Ingress ${object.name} is not an ingress-nginx canary (${PREFIX}canary is not "true"); ` +
            (canaries.length
                ? `canary Ingresses in the file: ${canaries.map((canary) => canary.name).join(', ')}`
                : `add ${PREFIX}canary: "true" to the second Ingress that routes to the canary Service`), locate(source, object, ['metadata', 'annotations']));
    }
    const total = numberAnnotation(source, object, 'canary-weight-total', 100);
    const weight = numberAnnotation(source, object, 'canary-weight', 0);
    if (total === 0 || weight > total) {
        throw new errors/* ConfigurationError */.j1(`canary-weight ${weight} out of canary-weight-total ${total} is not a share of traffic; keep the weight between 0 and the total`, locate(source, object, annotation('canary-weight')));
    }
    return { object, weight, total };
}
/** The first backend Service an Ingress routes to (v1 `service.name` or v1beta1 `serviceName`). */
function backendService(body) {
    const spec = asMap(body.spec);
    const backends = [
        spec?.defaultBackend,
        spec?.backend,
        ...asList(spec?.rules).flatMap((rule) => asList(asMap(asMap(rule)?.http)?.paths).map((path) => asMap(path)?.backend)),
    ];
    for (const backend of backends) {
        const map = asMap(backend);
        const name = asMap(map?.service)?.name ?? map?.serviceName;
        if (typeof name === 'string')
            return name;
    }
    return undefined;
}
const hostsOf = (body) => asList(asMap(body.spec)?.rules).map((rule) => String(asMap(rule)?.host ?? ''));
function nginx_readWeights(source, options) {
    const canary = canaryOf(source, options);
    const location = locate(source, canary.object, annotation('canary-weight'));
    const percent = canaryPercent(canary.total - canary.weight, canary.weight, location);
    // The stable Ingress is the non-canary one for the same hosts, when the file holds it.
    const hosts = hostsOf(canary.object.body).join(',');
    const stable = objectsOfKind(source, ['Ingress']).find((object) => !isCanary(object) && hostsOf(object.body).join(',') === hosts);
    return {
        route: options.route,
        stable: percent.complement,
        canary: percent,
        stableService: options.stableService ??
            (stable && backendService(stable.body)) ??
            'the stable Ingress for the same host',
        canaryService: options.canaryService ?? backendService(canary.object.body) ?? canary.object.name,
        location,
    };
}
function nginx_planWeights(source, request) {
    const target = types/* Weight */.L.from(request.canary, 'canary weight');
    const canary = canaryOf(source, request);
    const scaled = (target.percent * canary.total) / 100;
    if (!Number.isInteger(scaled)) {
        throw new errors/* ConfigurationError */.j1(`${target} of canary-weight-total ${canary.total} is not a whole number; pick a weight that is, or a total of 100 or 1000`, locate(source, canary.object, annotation('canary-weight-total')));
    }
    if (scaled === canary.weight)
        return [];
    return nginx_checked(source, canary.object, [
        { document: canary.object.document, path: annotation('canary-weight'), value: String(scaled) },
    ]);
}
/**
 * The header the canary Ingress routes by (`canary-by-header`), or undefined when it routes by
 * none: absent, or empty (see planHeaderRoute for why empty means none).
 */
function routedHeader(source, canary) {
    const value = getIn(canary.object.body, annotation('canary-by-header'));
    if (value === undefined)
        return undefined;
    if (typeof value !== 'string') {
        throw new errors/* ConfigurationError */.j1(`annotation values must be strings; quote it: ${PREFIX}canary-by-header: "${String(value)}"`, locate(source, canary.object, annotation('canary-by-header')));
    }
    return value.trim() === '' ? undefined : value.trim();
}
/**
 * On: `canary-by-header` names the header and `canary-by-header-value` the value (which wins over
 * a `canary-by-header-pattern`).
 *
 * Off: `canary-by-header` is set to "". Why, and what it means: ingress-nginx has no annotation
 * that sends requests carrying `header: value` to stable. "never" is a value the *client* sends
 * (annotations docs, Canary: "When the header is set to never, it will never be routed to the
 * canary"), and only without canary-by-header-value; with a custom value, other values are
 * "ignored and the request compared against the other canary rules by precedence"
 * (https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/#canary).
 * So off means the header is ignored: those requests follow canary-weight like everyone's, which
 * is stable at weight 0 (the header-route step, and every reversal, which takes the weight to 0
 * too). Removing the annotation is not a scalar edit; an empty one reads the same to the
 * controller: kubernetes/ingress-nginx internal/ingress/annotations/parser (parseString rejects
 * a value that trims to "" and validators.go skips empty values) leaves canary.Config.Header ""
 * (annotations/canary/main.go), and balancer.lua route_to_alternative_balancer then matches no
 * request header and goes on to the cookie and canary-weight. canary-by-header-value "doesn't have
 * any effect if the 'canary-by-header' annotation is not defined" (canary/main.go annotation
 * docs), so the value is kept for turning the route on again.
 */
function nginx_planHeaderRoute(source, request) {
    const canary = canaryOf(source, request);
    const document = canary.object.document;
    if (request.enabled === false) {
        const routed = routedHeader(source, canary);
        if (routed === undefined)
            return [];
        if (routed.toLowerCase() !== request.header.toLowerCase()) {
            throw new errors/* ConfigurationError */.j1(`Ingress ${canary.object.name} routes by header "${routed}", not "${request.header}"; ` +
                `set the policy's header to "${routed}" (or switch ${routed} off by hand: ${PREFIX}canary-by-header: "")`, locate(source, canary.object, annotation('canary-by-header')));
        }
        return nginx_checked(source, canary.object, [{ document, path: annotation('canary-by-header'), value: '' }]);
    }
    return nginx_checked(source, canary.object, [
        { document, path: annotation('canary-by-header'), value: request.header },
        { document, path: annotation('canary-by-header-value'), value: request.value },
    ]);
}
/** On when `canary-by-header` names `options.header` (compared case-insensitively, as HTTP does). */
function nginx_readHeaderRoute(source, options) {
    const canary = canaryOf(source, options);
    const routed = routedHeader(source, canary);
    const value = getIn(canary.object.body, annotation('canary-by-header-value'));
    return {
        enabled: routed !== undefined && routed.toLowerCase() === options.header.toLowerCase(),
        ...(typeof value === 'string' ? { value } : {}),
        location: locate(source, canary.object, annotation('canary-by-header')),
    };
}
function nginx_checked(source, object, edits) {
    const changes = changedOnly(object, edits);
    validateModel(source, object, edited(object, changes), nginx_MODELS);
    return changes;
}
/** The ingress-nginx canary-annotation router. */
const nginxRouter = {
    name: 'nginx',
    readWeights: nginx_readWeights,
    planWeights: nginx_planWeights,
    planHeaderRoute: nginx_planHeaderRoute,
    readHeaderRoute: nginx_readHeaderRoute,
};

// EXTERNAL MODULE: ./src/manifests/validate.ts
var validate = __webpack_require__(96122);
;// CONCATENATED MODULE: ./src/traffic/routers/replicas.ts
/**
 * Replica ratio, for clusters with no mesh or canary-aware ingress: one Service selects the pods of
 * a stable and a canary Deployment, so each pod takes about an equal share of requests and the
 * canary's share is its share of the replicas. Both Deployments live in one (multi-document) file.
 *
 * Rounding: with `total` replicas and weight w, the canary gets
 *   0 at w = 0; `total` at w = 100 (stable 0); otherwise round-half-up(total × w / 100), clamped
 *   to 1 .. total − 1,
 * so any weight above 0 runs at least one canary pod and anything short of 100 keeps at least one
 * stable pod. The split is therefore approximate (1 % of 10 replicas is 1 pod, 10 %); readings
 * report the replica share to the nearest percent. A weight between 0 and 100 needs total ≥ 2.
 *
 * Hazard: a HorizontalPodAutoscaler overrides `spec.replicas`, so the ratio would drift; a file
 * that also holds an HPA for either Deployment is refused.
 */





/** Kubernetes' default when `spec.replicas` is absent. */
const DEFAULT_REPLICAS = 1;
function workload(source, object) {
    const replicas = asMap(object.body.spec)?.replicas ?? DEFAULT_REPLICAS;
    if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
        throw new errors/* ConfigurationError */.j1(`spec.replicas must be a whole number of 0 or more, got ${JSON.stringify(replicas)}`, locate(source, object, ['spec', 'replicas']));
    }
    return { object, replicas };
}
function replicas_pairOf(source, options) {
    const deployments = objectsOfKind(source, ['Deployment']);
    const names = new Set(deployments.map((deployment) => deployment.name));
    const stableName = options.stableService ??
        [options.route, `${options.route}-stable`, `${options.route}-primary`].find((name) => names.has(name)) ??
        options.route;
    const canaryName = options.canaryService ?? `${options.route}-canary`;
    const stable = workload(source, findObject(source, ['Deployment'], stableName, 'Deployment'));
    const canary = workload(source, findObject(source, ['Deployment'], canaryName, 'Deployment'));
    for (const hpa of objectsOfKind(source, ['HorizontalPodAutoscaler'])) {
        const target = asMap(asMap(hpa.body.spec)?.scaleTargetRef)?.name;
        if (target === stableName || target === canaryName) {
            throw new errors/* ConfigurationError */.j1(`HorizontalPodAutoscaler ${hpa.name} scales ${String(target)} and would override the replica split; ` +
                `use a traffic router (gateway-api, istio, smi, nginx, traefik) or remove the HPA for the rollout`, locate(source, hpa, ['spec', 'scaleTargetRef']));
        }
    }
    const total = options.totalReplicas ?? stable.replicas + canary.replicas;
    if (!Number.isInteger(total) || total < 1) {
        throw new errors/* ConfigurationError */.j1(`total replicas must be a whole number of at least 1, got ${total}; set totalReplicas (--total-replicas)`, locate(source, stable.object, ['spec', 'replicas']));
    }
    return { stable, canary, total };
}
/** Canary replicas for `target` out of `total` (rounding documented at the top of the file). */
function canaryReplicas(total, target) {
    if (target.percent === 0)
        return 0;
    if (target.percent === 100)
        return total;
    const nearest = Math.floor((total * target.percent) / 100 + 0.5);
    return Math.min(Math.max(nearest, 1), total - 1);
}
function replicas_readWeights(source, options) {
    const pair = replicas_pairOf(source, options);
    const location = locate(source, pair.canary.object, ['spec', 'replicas']);
    const canary = canaryPercent(pair.stable.replicas, pair.canary.replicas, location);
    return {
        route: options.route,
        stable: canary.complement,
        canary,
        stableService: pair.stable.object.name,
        canaryService: pair.canary.object.name,
        location,
    };
}
function replicas_planWeights(source, request) {
    const target = types/* Weight */.L.from(request.canary, 'canary weight');
    const pair = replicas_pairOf(source, request);
    if (pair.total < 2 && target.percent > 0 && target.percent < 100) {
        throw new errors/* ConfigurationError */.j1(`${pair.total} replica cannot carry a ${target} canary (it would take all traffic); ` +
            `set totalReplicas (--total-replicas) to 2 or more`, locate(source, pair.stable.object, ['spec', 'replicas']));
    }
    const canary = canaryReplicas(pair.total, target);
    // Compare effective counts, so an absent replicas (1) already at the plan is left absent.
    if (pair.canary.replicas === canary && pair.stable.replicas === pair.total - canary)
        return [];
    const changes = [
        ...changedOnly(pair.stable.object, [
            { document: pair.stable.object.document, path: ['spec', 'replicas'], value: pair.total - canary },
        ]),
        ...changedOnly(pair.canary.object, [
            { document: pair.canary.object.document, path: ['spec', 'replicas'], value: canary },
        ]),
    ];
    // The same workload checks `edit set-image` applies (schema, counts, containers).
    for (const { object } of [pair.stable, pair.canary]) {
        const [problem] = (0,validate/* schemaProblems */.I)(edited(object, changes));
        if (problem) {
            throw new errors/* ConfigurationError */.j1(`Deployment ${object.name} would not be valid after the edit (${problem.path.join('.')} ${problem.message}); nothing was changed`, locate(source, object, problem.path));
        }
    }
    return changes;
}
/** The replica-ratio router. */
const replicasRouter = {
    name: 'replicas',
    approximate: true,
    readWeights: replicas_readWeights,
    planWeights: replicas_planWeights,
};

;// CONCATENATED MODULE: ./src/traffic/routers/smi.ts
/**
 * SMI TrafficSplit (`split.smi-spec.io`, used by Linkerd, OSM, Flagger and Argo Rollouts).
 * `spec.backends[].weight` is proportional. v1alpha1 typed it as a Kubernetes quantity, so files
 * hold strings such as "500m" (0.5) or "1"; v1alpha2 and later hold integers. Both are read;
 * writes keep the file's form: integers stay integers (written as percentages), milli-quantities
 * stay milli-quantities totalling 1000m, other quantity strings become percentage strings.
 */




const QUANTITY = /^(\d+)(?:\.(\d{1,3}))?(m)?$/;
function parseWeight(value, where) {
    if (value === undefined || value === null)
        return { milli: 0 };
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0)
        return { milli: value * 1000, form: 'integer' };
    const match = typeof value === 'string' ? QUANTITY.exec(value.trim()) : null;
    if (!match || (match[3] && match[2])) {
        throw new errors/* ConfigurationError */.j1(`backend weight ${JSON.stringify(value)} is neither a whole number nor a quantity such as "500m"`, where);
    }
    if (match[3])
        return { milli: Number(match[1]), form: 'milli' };
    return { milli: Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0')), form: 'quantity' };
}
const smi_weightPath = (backend) => ['spec', 'backends', backend.index, 'weight'];
function splitOf(source, options) {
    const object = findObject(source, ['TrafficSplit'], options.route, 'TrafficSplit');
    const backends = asList(asMap(object.body.spec)?.backends).map((value, index) => {
        const map = asMap(value) ?? {};
        const where = locate(source, object, ['spec', 'backends', index, 'weight']);
        return { index, service: String(map.service ?? ''), ...parseWeight(map.weight, where) };
    });
    const where = locate(source, object, ['spec', 'backends']);
    if (backends.length !== 2) {
        throw new errors/* ConfigurationError */.j1(`the split has ${backends.length} backends (${backends.map((backend) => backend.service).join(', ') || 'none'}); ` +
            `Glidepath moves traffic between exactly two`, where);
    }
    const pair = identifyPair(backends.map((backend) => ({ label: backend.service, names: [backend.service] })), options, where);
    const stable = backends[pair.stable];
    const canary = backends[pair.canary];
    const forms = [stable.form, canary.form];
    const form = forms.includes('milli')
        ? 'milli'
        : forms.includes('quantity')
            ? 'quantity'
            : forms.includes('integer') || object.apiVersion !== 'split.smi-spec.io/v1alpha1'
                ? 'integer'
                : 'milli';
    return { object, stable, canary, form };
}
function written(percent, form) {
    switch (form) {
        case 'integer':
            return percent;
        case 'milli':
            return `${percent * 10}m`;
        case 'quantity':
            return String(percent);
    }
}
function smi_readWeights(source, options) {
    const split = splitOf(source, options);
    const location = locate(source, split.object, smi_weightPath(split.canary));
    const canary = canaryPercent(split.stable.milli, split.canary.milli, location);
    return {
        route: options.route,
        stable: canary.complement,
        canary,
        stableService: split.stable.service,
        canaryService: split.canary.service,
        location,
    };
}
function smi_planWeights(source, request) {
    const target = types/* Weight */.L.from(request.canary, 'canary weight');
    const split = splitOf(source, request);
    if (splitsExactly(split.stable.milli, split.canary.milli, target))
        return [];
    const document = split.object.document;
    return changedOnly(split.object, [
        { document, path: smi_weightPath(split.stable), value: written(target.complement.percent, split.form) },
        { document, path: smi_weightPath(split.canary), value: written(target.percent, split.form) },
    ]);
}
/** The SMI TrafficSplit router. */
const smiRouter = {
    name: 'smi',
    readWeights: smi_readWeights,
    planWeights: smi_planWeights,
};

;// CONCATENATED MODULE: ./src/traffic/routers/traefik.ts
/**
 * Traefik TraefikService (`traefik.io/v1alpha1`, and the older `traefik.containo.us/v1alpha1`).
 * A weighted round robin (`spec.weighted.services[]`) splits in proportion to `weight` (default 1);
 * a mirroring service (`spec.mirroring`) copies `mirrors[].percent` of its traffic (default 0).
 * An IngressRoute points at the TraefikService by name, so `route` is the TraefikService's name.
 */




/** Traefik's default when a weighted service gives no weight. */
const traefik_DEFAULT_WEIGHT = 1;
const traefik_weightPath = (service) => ['spec', 'weighted', 'services', service.index, 'weight'];
function weightedOf(source, options) {
    const object = findObject(source, ['TraefikService'], options.route, 'TraefikService');
    const weighted = asMap(asMap(object.body.spec)?.weighted);
    if (!weighted) {
        throw new errors/* ConfigurationError */.j1(`TraefikService ${object.name} is not weighted (no spec.weighted); point the router at the weighted TraefikService`, locate(source, object, ['spec']));
    }
    const services = asList(weighted.services).map((value, index) => {
        const map = asMap(value) ?? {};
        const weight = map.weight ?? traefik_DEFAULT_WEIGHT;
        if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0) {
            throw new errors/* ConfigurationError */.j1(`service weight must be a whole number of 0 or more, got ${JSON.stringify(weight)}`, locate(source, object, ['spec', 'weighted', 'services', index, 'weight']));
        }
        return { index, name: String(map.name ?? ''), weight };
    });
    const where = locate(source, object, ['spec', 'weighted', 'services']);
    if (services.length !== 2) {
        throw new errors/* ConfigurationError */.j1(`the weighted service lists ${services.length} services (${services.map((service) => service.name).join(', ') || 'none'}); ` +
            `Glidepath moves traffic between exactly two`, where);
    }
    const pair = identifyPair(services.map((service) => ({ label: service.name, names: [service.name] })), options, where);
    return { object, stable: services[pair.stable], canary: services[pair.canary] };
}
function traefik_readWeights(source, options) {
    const weighted = weightedOf(source, options);
    const location = locate(source, weighted.object, traefik_weightPath(weighted.canary));
    const canary = canaryPercent(weighted.stable.weight, weighted.canary.weight, location);
    return {
        route: options.route,
        stable: canary.complement,
        canary,
        stableService: weighted.stable.name,
        canaryService: weighted.canary.name,
        location,
    };
}
function traefik_planWeights(source, request) {
    const target = types/* Weight */.L.from(request.canary, 'canary weight');
    const weighted = weightedOf(source, request);
    if (splitsExactly(weighted.stable.weight, weighted.canary.weight, target))
        return [];
    const document = weighted.object.document;
    return changedOnly(weighted.object, [
        { document, path: traefik_weightPath(weighted.stable), value: target.complement.percent },
        { document, path: traefik_weightPath(weighted.canary), value: target.percent },
    ]);
}
function traefik_planMirror(source, request) {
    const target = types/* Weight */.L.from(request.percent, 'mirror percent');
    const object = findObject(source, ['TraefikService'], request.route, 'TraefikService');
    const mirroring = asMap(asMap(object.body.spec)?.mirroring);
    if (!mirroring) {
        throw new errors/* ConfigurationError */.j1(`TraefikService ${object.name} does not mirror (no spec.mirroring); define one once, e.g. ` +
            `spec: {mirroring: {name: <stable>, port: 80, mirrors: [{name: <canary>, port: 80, percent: 0}]}}`, locate(source, object, ['spec']));
    }
    const main = String(mirroring.name ?? '');
    const mirrors = asList(mirroring.mirrors).map((value) => asMap(value) ?? {});
    const names = [main, ...mirrors.map((mirror) => String(mirror.name ?? ''))];
    const pair = identifyPair(names.map((name) => ({ label: name, names: [name] })), request, locate(source, object, ['spec', 'mirroring']));
    if (pair.canary === 0) {
        throw new errors/* ConfigurationError */.j1(`the canary ${main} is the service being mirrored, not a mirror; list it under mirrors`, locate(source, object, ['spec', 'mirroring', 'name']));
    }
    const index = pair.canary - 1;
    const current = mirrors[index].percent;
    // Traefik mirrors nothing when percent is absent: 0 needs no edit then.
    if (current === undefined && target.percent === 0)
        return [];
    return changedOnly(object, [
        {
            document: object.document,
            path: ['spec', 'mirroring', 'mirrors', index, 'percent'],
            value: target.percent,
        },
    ]);
}
/** The Traefik router. */
const traefikRouter = {
    name: 'traefik',
    readWeights: traefik_readWeights,
    planWeights: traefik_planWeights,
    planMirror: traefik_planMirror,
};

;// CONCATENATED MODULE: ./src/traffic/routers/index.ts
/**
 * The traffic-router factory. Adding a router is one new file and one line here; `satisfies`
 * makes forgetting a name in `RouterName` a compile error.
 */







const ROUTERS = {
    'gateway-api': gatewayApiRouter,
    istio: istioRouter,
    smi: smiRouter,
    nginx: nginxRouter,
    traefik: traefikRouter,
    replicas: replicasRouter,
};
/** Every router name, in the order `--help` and error messages list them. */
const ROUTER_NAMES = Object.keys(ROUTERS);
/** Whether `name` is a router Glidepath knows. */
function isRouterName(name) {
    return Object.hasOwn(ROUTERS, name);
}
/** The router called `name`; an unknown name is a ConfigurationError that lists the known ones. */
function routerFor(name, field = 'router') {
    if (!isRouterName(name)) {
        throw new errors/* ConfigurationError */.j1(`${field}: unknown traffic router "${name}"; use one of: ${ROUTER_NAMES.join(', ')}`);
    }
    return ROUTERS[name];
}



/***/ }),

/***/ 34461:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ Weight)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/**
 * The traffic-router plugin family: one interface, one file per router, one exhaustive factory
 * (`index.ts`). A router reads the split a manifest holds and plans the scalar edits that move it;
 * it never writes: `applyEdits` (manifests/yaml-edit.ts) turns the plan into bytes.
 */

/**
 * A share of traffic in whole percent, 0..100. Parsed once at the boundary so routers never see a
 * fraction, a negative number or 150.
 */
class Weight {
    percent;
    constructor(percent) {
        this.percent = percent;
    }
    /** `value` as a Weight; `field` names where it came from for the error message. */
    static of(value, field = 'weight') {
        if (!Number.isInteger(value) || value < 0 || value > 100) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${field}: ${value} is not a weight; use a whole percent from 0 to 100`);
        }
        return new Weight(value);
    }
    /** Parses `"25"` or `"25%"`. */
    static parse(text, field = 'weight') {
        const match = /^\s*(\d{1,3})\s*%?\s*$/.exec(text);
        if (!match) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${field}: "${text}" is not a weight; use a whole percent from 0 to 100`);
        }
        return Weight.of(Number(match[1]), field);
    }
    /** Accepts a Weight or a number, so callers may pass either. */
    static from(value, field = 'weight') {
        return value instanceof Weight ? value : Weight.of(value, field);
    }
    /** The rest of the traffic: 100 − this. */
    get complement() {
        return new Weight(100 - this.percent);
    }
    toString() {
        return `${this.percent}%`;
    }
}


/***/ }),

/***/ 23530:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ planSetWeight)
/* harmony export */ });
/* harmony import */ var _manifests_yaml_edit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(13036);
/* harmony import */ var _routers_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74928);
/* harmony import */ var _routers_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(34461);
/**
 * Setting a canary weight in one manifest file: the library call behind `glidepath edit
 * set-weight` and the traffic part of `desire`. Pure: text in, text out.
 */



/**
 * Plans setting `request.canary` on `request.route` in `text`. A refused edit (unknown route,
 * weights that do not add up, a result the schema rejects) throws ConfigurationError
 * `FILE:LINE:COL: …` and plans nothing.
 */
function planSetWeight(text, file, request) {
    const router = (0,_routers_index_js__WEBPACK_IMPORTED_MODULE_1__/* .routerFor */ .NF)(request.router);
    const canary = _routers_types_js__WEBPACK_IMPORTED_MODULE_2__/* .Weight */ .L.from(request.canary, 'canary weight');
    const source = (0,_manifests_yaml_edit_js__WEBPACK_IMPORTED_MODULE_0__/* .parseManifestSource */ .sp)(text, file);
    const before = router.readWeights(source, request);
    const edits = router.planWeights(source, { ...request, canary });
    const after = edits.length > 0 ? (0,_manifests_yaml_edit_js__WEBPACK_IMPORTED_MODULE_0__/* .applyEdits */ .ct)(source, edits) : text;
    // Read the result back through the same router: what gets written is what was asked for, or
    // nothing is written at all.
    const reading = router.readWeights((0,_manifests_yaml_edit_js__WEBPACK_IMPORTED_MODULE_0__/* .parseManifestSource */ .sp)(after, file), request);
    if (!router.approximate && reading.canary.percent !== canary.percent) {
        throw new Error(`${router.name} planned ${canary} for ${request.route} in ${file} but the edited file reads ${reading.canary} (a bug in Glidepath)`);
    }
    return { file, after, changed: after !== text, before, reading, edits };
}


/***/ })

};

//# sourceMappingURL=578.index.js.map