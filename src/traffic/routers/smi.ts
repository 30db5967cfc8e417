/**
 * SMI TrafficSplit (`split.smi-spec.io`, used by Linkerd, OSM, Flagger and Argo Rollouts).
 * `spec.backends[].weight` is proportional. v1alpha1 typed it as a Kubernetes quantity, so files
 * hold strings such as "500m" (0.5) or "1"; v1alpha2 and later hold integers. Both are read;
 * writes keep the file's form: integers stay integers (written as percentages), milli-quantities
 * stay milli-quantities totalling 1000m, other quantity strings become percentage strings.
 */
import { ConfigurationError } from '../../errors.js';
import type { ManifestSource, ScalarEdit, YamlPath } from '../../manifests/yaml-edit.js';
import {
  asList,
  asMap,
  changedOnly,
  findObject,
  identifyPair,
  locate,
  type ManifestObject,
} from './objects.js';
import { canaryPercent, splitsExactly } from './proportion.js';
import {
  Weight,
  type RouteOptions,
  type TrafficRouter,
  type WeightReading,
  type WeightRequest,
} from './types.js';

/** How the file writes weights, so an edit writes the same kind of scalar back. */
type WeightForm = 'integer' | 'milli' | 'quantity';

interface Backend {
  index: number;
  service: string;
  /** In thousandths, whatever the form, so 1, "1" and "1000m" compare equal. */
  milli: number;
  form?: WeightForm;
}

interface Split {
  object: ManifestObject;
  stable: Backend;
  canary: Backend;
  form: WeightForm;
}

const QUANTITY = /^(\d+)(?:\.(\d{1,3}))?(m)?$/;

function parseWeight(value: unknown, where: string): { milli: number; form?: WeightForm } {
  if (value === undefined || value === null) return { milli: 0 };
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0)
    return { milli: value * 1000, form: 'integer' };
  const match = typeof value === 'string' ? QUANTITY.exec(value.trim()) : null;
  if (!match || (match[3] && match[2])) {
    throw new ConfigurationError(
      `backend weight ${JSON.stringify(value)} is neither a whole number nor a quantity such as "500m"`,
      where,
    );
  }
  if (match[3]) return { milli: Number(match[1]), form: 'milli' };
  return { milli: Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0')), form: 'quantity' };
}

const weightPath = (backend: Backend): YamlPath => ['spec', 'backends', backend.index, 'weight'];

function splitOf(source: ManifestSource, options: RouteOptions): Split {
  const object = findObject(source, ['TrafficSplit'], options.route, 'TrafficSplit');
  const backends = asList(asMap(object.body.spec)?.backends).map((value, index): Backend => {
    const map = asMap(value) ?? {};
    const where = locate(source, object, ['spec', 'backends', index, 'weight']);
    return { index, service: String(map.service ?? ''), ...parseWeight(map.weight, where) };
  });
  const where = locate(source, object, ['spec', 'backends']);
  if (backends.length !== 2) {
    throw new ConfigurationError(
      `the split has ${backends.length} backends (${backends.map((backend) => backend.service).join(', ') || 'none'}); ` +
        `Glidepath moves traffic between exactly two`,
      where,
    );
  }
  const pair = identifyPair(
    backends.map((backend) => ({ label: backend.service, names: [backend.service] })),
    options,
    where,
  );
  const stable = backends[pair.stable]!;
  const canary = backends[pair.canary]!;
  const forms = [stable.form, canary.form];
  const form: WeightForm = forms.includes('milli')
    ? 'milli'
    : forms.includes('quantity')
      ? 'quantity'
      : forms.includes('integer') || object.apiVersion !== 'split.smi-spec.io/v1alpha1'
        ? 'integer'
        : 'milli';
  return { object, stable, canary, form };
}

function written(percent: number, form: WeightForm): string | number {
  switch (form) {
    case 'integer':
      return percent;
    case 'milli':
      return `${percent * 10}m`;
    case 'quantity':
      return String(percent);
  }
}

function readWeights(source: ManifestSource, options: RouteOptions): WeightReading {
  const split = splitOf(source, options);
  const location = locate(source, split.object, weightPath(split.canary));
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

function planWeights(source: ManifestSource, request: WeightRequest): ScalarEdit[] {
  const target = Weight.from(request.canary, 'canary weight');
  const split = splitOf(source, request);
  if (splitsExactly(split.stable.milli, split.canary.milli, target)) return [];
  const document = split.object.document;
  return changedOnly(split.object, [
    { document, path: weightPath(split.stable), value: written(target.complement.percent, split.form) },
    { document, path: weightPath(split.canary), value: written(target.percent, split.form) },
  ]);
}

/** The SMI TrafficSplit router. */
export const smiRouter: TrafficRouter = {
  name: 'smi',
  readWeights,
  planWeights,
};
