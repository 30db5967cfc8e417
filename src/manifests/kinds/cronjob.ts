/** The CronJob kind: its pods come from the job template, one level deeper than a Job's. */
import { workloadKind } from './pod-spec.js';

/** CronJob (`batch/v1`): the pod template at `spec.jobTemplate.spec.template.spec`. */
export const cronJob = workloadKind('cronjob', 'batch/v1', 'CronJob', [
  'spec',
  'jobTemplate',
  'spec',
  'template',
  'spec',
]);
