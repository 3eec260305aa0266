import type { Caller } from '../domain/caller';
import type { TasklistStore } from '../store/tasklist-store';

/** What every resolver receives: the world, the verified caller and settings. */
export interface TasklistContext {
  store: TasklistStore;
  caller: Caller;
  previewLimit: number;
}
