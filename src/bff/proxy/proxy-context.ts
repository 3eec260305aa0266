import type { TaskVisibility } from '../proxy-config';
import type { TasklistUpstream } from '../upstream/tasklist-upstream';
import type { ProxyUser } from './bff-token';
import type { ScanLimits } from './visible-tasks';

/** One audit record per mutation (G51); never a token. */
export interface MutationAudit {
  field: string;
  taskId?: string;
  processDefinitionId?: string;
  /** `failed`: the upstream could not be asked, so nothing was decided or sent. */
  decision: 'allowed' | 'refused' | 'failed';
  /** Why it was refused or failed, or the upstream's error after it was allowed. */
  reason?: string;
  outcome?: 'ok' | 'error';
}

/** What every resolver of one request gets. */
export interface ProxyContext {
  user: ProxyUser;
  upstream: TasklistUpstream;
  visibility: TaskVisibility;
  scanLimits: ScanLimits;
  audit: (record: MutationAudit) => void;
  /** Throws a 429 problem when the user starts processes too often. */
  limitStartProcess: () => Promise<void>;
  /** A page refill or form check stopped at the upstream request bound. */
  scanLimitReached: (field: string) => void;
}
