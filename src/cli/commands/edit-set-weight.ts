import { ExitCode, UsageError } from '../../errors.js';
import { ROUTER_NAMES } from '../../traffic/routers/index.js';
import { Weight } from '../../traffic/routers/types.js';
import { planSetWeight, type SetWeightPlan } from '../../traffic/set-weight.js';
import type { CliIo, Command, OptionValues } from '../command.js';
import { editOneFile, oneFile, stringOption } from '../replace-file.js';

/** Everything `edit set-weight` needs, parsed from the command line. */
export interface SetWeightSettings {
  /** The manifest file holding the route, as the user typed it. */
  file: string;
  /** A RouterName. */
  router: string;
  /** The routing object's name (see RouteOptions.route). */
  route: string;
  canary: Weight;
  stableService?: string;
  canaryService?: string;
  totalReplicas?: number;
  /** Edit the file in place instead of printing a diff. */
  write: boolean;
}

/** Plans the edit and either prints it as a unified diff or writes it: the call the command wraps. */
export async function editSetWeight(
  settings: SetWeightSettings,
  io: Pick<CliIo, 'cwd' | 'stdout' | 'stderr'>,
): Promise<SetWeightPlan> {
  return editOneFile(
    settings.file,
    { ...io, write: settings.write },
    (text) => planSetWeight(text, settings.file, settings),
    {
      unchanged: (plan) => `${describe(plan)} already`,
      written: (plan) => `${describe(plan)} (was ${plan.before.canary})`,
    },
  );
}

function describe(plan: SetWeightPlan): string {
  const { reading } = plan;
  return `${reading.route}: canary ${reading.canaryService} at ${reading.canary}, stable ${reading.stableService} at ${reading.stable}`;
}

function settingsFrom(values: OptionValues): SetWeightSettings {
  const file = oneFile(values);
  const text = (name: string): string | undefined => stringOption(values, name);
  const required = (name: string, placeholder: string): string => {
    const value = text(name);
    if (value === undefined) throw new UsageError(`--${name} ${placeholder} is required`);
    return value;
  };
  const total = text('total-replicas');
  if (total !== undefined && !/^\d+$/.test(total)) {
    throw new UsageError(`--total-replicas: "${total}" is not a whole number of replicas`);
  }
  return {
    file,
    router: required('router', 'ROUTER'),
    route: required('route', 'NAME'),
    canary: Weight.parse(required('canary', 'PCT'), '--canary'),
    stableService: text('stable-service'),
    canaryService: text('canary-service'),
    totalReplicas: total === undefined ? undefined : Number(total),
    write: values.write === true,
  };
}

/** `glidepath edit set-weight FILE --router R --route NAME --canary PCT [--write]`. */
export const editSetWeightCommand: Command = {
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
      description: `traffic router: ${ROUTER_NAMES.join(', ')}`,
    },
    {
      name: 'route',
      type: 'string',
      required: true,
      placeholder: 'NAME',
      description:
        'metadata.name of the HTTPRoute, VirtualService, TrafficSplit, canary Ingress or TraefikService; the app name for replicas',
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
      description:
        'the canary backend (Service, Istio host or subset, Deployment) when its name does not end in -canary',
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
    await editSetWeight(settingsFrom(values), io);
    return ExitCode.ok;
  },
};
