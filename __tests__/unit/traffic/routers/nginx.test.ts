import { describe, expect, it } from '@jest/globals';
import { parseManifestSource } from '../../../../src/manifests/yaml-edit.js';
import { nginxRouter as router } from '../../../../src/traffic/routers/nginx.js';
import { fixture } from './support.js';

/** A canary Ingress `web-canary` with the given annotations (YAML lines under `annotations:`). */
const ingress = (annotations: string, name = 'web-canary') =>
  parseManifestSource(
    `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${name}\n  annotations:\n${annotations}` +
      `spec:\n  defaultBackend:\n    service:\n      name: web-canary\n      port:\n        number: 80\n`,
    'ingress.yaml',
  );
const CANARY = '    nginx.ingress.kubernetes.io/canary: "true"\n';

describe('nginx router', () => {
  it('names the stable Service from the stable Ingress for the same host', () => {
    const reading = router.readWeights(parseManifestSource(fixture('nginx/weights.input.yaml'), 'i.yaml'), {
      route: 'shop-canary',
    });
    expect(reading).toMatchObject({
      stableService: 'shop',
      canaryService: 'shop-canary',
      location: 'i.yaml:27:48',
    });
  });

  it('reads a canary without canary-weight as 0 %', () => {
    expect(router.readWeights(ingress(CANARY), { route: 'web-canary' }).canary.percent).toBe(0);
  });

  it('writes canary-weight as a string, quoted when it is inserted', () => {
    expect(router.planWeights(ingress(CANARY), { route: 'web-canary', canary: 5 })).toEqual([
      {
        document: 0,
        path: ['metadata', 'annotations', 'nginx.ingress.kubernetes.io/canary-weight'],
        value: '5',
      },
    ]);
  });

  it('refuses the stable Ingress, listing the canary Ingresses in the file', () => {
    const source = parseManifestSource(fixture('nginx/weights.input.yaml'), 'i.yaml');
    expect(() => router.planWeights(source, { route: 'shop', canary: 5 })).toThrow(
      /Ingress shop is not an ingress-nginx canary \(nginx\.ingress\.kubernetes\.io\/canary is not "true"\); canary Ingresses in the file: shop-canary/,
    );
  });

  it('refuses an unquoted number annotation, which the API server rejects', () => {
    const source = ingress(`${CANARY}    nginx.ingress.kubernetes.io/canary-weight: 10\n`);
    expect(() => router.readWeights(source, { route: 'web-canary' })).toThrow(
      /ingress\.yaml:7:48: annotation values must be strings; quote it: nginx\.ingress\.kubernetes\.io\/canary-weight: "10"/,
    );
  });

  it('refuses a weight above canary-weight-total', () => {
    const source = ingress(`${CANARY}    nginx.ingress.kubernetes.io/canary-weight: "120"\n`);
    expect(() => router.readWeights(source, { route: 'web-canary' })).toThrow(
      /canary-weight 120 out of canary-weight-total 100/,
    );
  });

  it('refuses a weight canary-weight-total cannot express in whole numbers', () => {
    const source = ingress(`${CANARY}    nginx.ingress.kubernetes.io/canary-weight-total: "30"\n`);
    expect(() => router.planWeights(source, { route: 'web-canary', canary: 25 })).toThrow(
      /25% of canary-weight-total 30 is not a whole number/,
    );
    expect(router.planWeights(source, { route: 'web-canary', canary: 10 })[0]!.value).toBe('3');
  });

  it('refuses two Ingresses of one name (the ingress-nginx examples reuse names across documents)', () => {
    const one = ingress(CANARY).text;
    expect(() =>
      router.readWeights(parseManifestSource(`${one}---\n${one}`, 'i.yaml'), { route: 'web-canary' }),
    ).toThrow(/2 Ingress objects are named "web-canary" \(i\.yaml:1:1, i\.yaml:14:1\)/);
  });

  it('refuses an edit the Ingress schema rejects', () => {
    const source = ingress(`${CANARY}    kubernetes.io/ingress.class: 5\n`);
    expect(() => router.planWeights(source, { route: 'web-canary', canary: 5 })).toThrow(
      /ingress\.yaml:7:34: Ingress web-canary would not be valid after the edit \(networking\.k8s\.io\/v1 schema: metadata\.annotations\.kubernetes\.io\/ingress\.class must be string\)/,
    );
  });

  it('sets canary-by-header and its value for a header route, and nothing when already set', () => {
    const source = ingress(
      `${CANARY}    nginx.ingress.kubernetes.io/canary-by-header: X-Canary\n    nginx.ingress.kubernetes.io/canary-by-header-value: "yes"\n`,
    );
    expect(
      router.planHeaderRoute!(source, { route: 'web-canary', header: 'X-Canary', value: 'yes' }),
    ).toEqual([]);
    expect(
      router.planHeaderRoute!(source, { route: 'web-canary', header: 'X-Canary', value: 'always' }),
    ).toEqual([
      {
        document: 0,
        path: ['metadata', 'annotations', 'nginx.ingress.kubernetes.io/canary-by-header-value'],
        value: 'always',
      },
    ]);
  });
});
