/**
 * The flag-provider factory: the one place that maps a provider name to its implementation.
 * Adding a flag system is one new file and one case here.
 */
import { ConfigurationError } from '../../errors.js';
import { flagdProvider } from './flagd.js';
import { FLAG_PROVIDER_NAMES, type FlagProvider, type FlagProviderName } from './types.js';

export type {
  ExposureMode,
  FlagExposure,
  FlagPlan,
  FlagProvider,
  FlagProviderName,
  FlagRef,
} from './types.js';
export { FLAG_PROVIDER_NAMES } from './types.js';

/** The provider called `name` (policy `desired.flags.provider`); an unknown name is a ConfigurationError. */
export function createFlagProvider(name: string, field = 'flags.provider'): FlagProvider {
  const known = name as FlagProviderName;
  switch (known) {
    case 'flagd':
      return flagdProvider;
    default: {
      // Exhaustive: a new FlagProviderName without a case here fails to compile.
      const unknown: never = known;
      throw new ConfigurationError(
        `${field}: unknown flag provider "${String(unknown)}"; use one of: ${FLAG_PROVIDER_NAMES.join(', ')}`,
      );
    }
  }
}
