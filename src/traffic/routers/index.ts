/**
 * The traffic-router factory. Adding a router is one new file and one line here; `satisfies`
 * makes forgetting a name in `RouterName` a compile error.
 */
import { ConfigurationError } from '../../errors.js';
import { gatewayApiRouter } from './gateway-api.js';
import { istioRouter } from './istio.js';
import { nginxRouter } from './nginx.js';
import { replicasRouter } from './replicas.js';
import { smiRouter } from './smi.js';
import { traefikRouter } from './traefik.js';
import type { RouterName, TrafficRouter } from './types.js';

const ROUTERS = {
  'gateway-api': gatewayApiRouter,
  istio: istioRouter,
  smi: smiRouter,
  nginx: nginxRouter,
  traefik: traefikRouter,
  replicas: replicasRouter,
} as const satisfies Record<RouterName, TrafficRouter>;

/** Every router name, in the order `--help` and error messages list them. */
export const ROUTER_NAMES = Object.keys(ROUTERS) as RouterName[];

/** Whether `name` is a router Glidepath knows. */
export function isRouterName(name: string): name is RouterName {
  return Object.hasOwn(ROUTERS, name);
}

/** The router called `name`; an unknown name is a ConfigurationError that lists the known ones. */
export function routerFor(name: string, field = 'router'): TrafficRouter {
  if (!isRouterName(name)) {
    throw new ConfigurationError(
      `${field}: unknown traffic router "${name}"; use one of: ${ROUTER_NAMES.join(', ')}`,
    );
  }
  return ROUTERS[name];
}

export type {
  HeaderRouteReading,
  HeaderRouteRequest,
  MirrorRequest,
  RouteOptions,
  RouterName,
  TrafficRouter,
  WeightReading,
  WeightRequest,
} from './types.js';
export { Weight } from './types.js';
