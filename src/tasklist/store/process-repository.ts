import type { Db } from './database';
import type {
  FormRecord,
  InstanceState,
  ProcessDefinitionRecord,
  ProcessInstanceRecord,
  StepDefinition,
  TaskImplementation,
} from './records';

interface DefinitionRow {
  key: number;
  bpmn_process_id: string;
  name: string | null;
  version: number;
}

interface StepRow {
  element_id: string;
  name: string | null;
  form_key: string | null;
  candidate_groups: string;
  candidate_users: string;
  assignee: string | null;
  due_offset_ms: number | null;
  follow_up_offset_ms: number | null;
  implementation: TaskImplementation;
}

interface InstanceRow {
  key: number;
  process_definition_key: number;
  state: InstanceState;
  start_time: number;
  end_time: number | null;
}

const toDefinition = (row: DefinitionRow): ProcessDefinitionRecord => ({
  key: row.key,
  bpmnProcessId: row.bpmn_process_id,
  name: row.name,
  version: row.version,
});

const toStep = (row: StepRow): StepDefinition => ({
  elementId: row.element_id,
  name: row.name ?? undefined,
  formKey: row.form_key ?? undefined,
  candidateGroups: JSON.parse(row.candidate_groups) as string[],
  candidateUsers: JSON.parse(row.candidate_users) as string[],
  assignee: row.assignee ?? undefined,
  dueOffsetMs: row.due_offset_ms ?? undefined,
  followUpOffsetMs: row.follow_up_offset_ms ?? undefined,
  implementation: row.implementation,
});

const toInstance = (row: InstanceRow): ProcessInstanceRecord => ({
  key: row.key,
  processDefinitionKey: row.process_definition_key,
  state: row.state,
  startTime: row.start_time,
  endTime: row.end_time,
});

/** Process definitions with their steps and forms, and process instances. */
export class ProcessRepository {
  private readonly definitionByKey;
  private readonly latestByBpmnId;
  private readonly latestVersions;
  private readonly maxVersion;
  private readonly insertDefinition;
  private readonly insertStep;
  private readonly insertForm;
  private readonly stepAt;
  private readonly formById;
  private readonly instanceByKey;
  private readonly insertInstance;
  private readonly endInstance;
  private readonly deleteInstanceStmt;

  constructor(db: Db) {
    this.definitionByKey = db.prepare<[number], DefinitionRow>(
      'SELECT key, bpmn_process_id, name, version FROM process_definition WHERE key = ?',
    );
    this.latestByBpmnId = db.prepare<[string], DefinitionRow>(
      `SELECT key, bpmn_process_id, name, version FROM process_definition
       WHERE bpmn_process_id = ? ORDER BY version DESC LIMIT 1`,
    );
    this.latestVersions = db.prepare<[], DefinitionRow>(
      `SELECT d.key, d.bpmn_process_id, d.name, d.version FROM process_definition d
       WHERE d.version = (SELECT max(version) FROM process_definition m
                          WHERE m.bpmn_process_id = d.bpmn_process_id)
       ORDER BY COALESCE(d.name, d.bpmn_process_id) COLLATE NOCASE, d.bpmn_process_id`,
    );
    this.maxVersion = db
      .prepare<[string], number | null>(
        'SELECT max(version) FROM process_definition WHERE bpmn_process_id = ?',
      )
      .pluck();
    this.insertDefinition = db.prepare(
      'INSERT INTO process_definition (key, bpmn_process_id, name, version) VALUES (?, ?, ?, ?)',
    );
    this.insertStep = db.prepare(
      `INSERT INTO process_step (process_definition_key, position, element_id, name,
         form_key, candidate_groups, candidate_users, assignee, due_offset_ms,
         follow_up_offset_ms, implementation)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertForm = db.prepare(
      'INSERT INTO form (process_definition_key, form_id, schema) VALUES (?, ?, ?)',
    );
    this.stepAt = db.prepare<[number, number], StepRow>(
      `SELECT element_id, name, form_key, candidate_groups, candidate_users, assignee,
         due_offset_ms, follow_up_offset_ms, implementation
       FROM process_step WHERE process_definition_key = ? AND position = ?`,
    );
    this.formById = db.prepare<[number, string], { schema: string }>(
      'SELECT schema FROM form WHERE process_definition_key = ? AND form_id = ?',
    );
    this.instanceByKey = db.prepare<[number], InstanceRow>(
      `SELECT key, process_definition_key, state, start_time, end_time
       FROM process_instance WHERE key = ?`,
    );
    this.insertInstance = db.prepare(
      `INSERT INTO process_instance (key, process_definition_key, state, start_time)
       VALUES (?, ?, 'ACTIVE', ?)`,
    );
    this.endInstance = db.prepare(
      'UPDATE process_instance SET state = ?, end_time = ? WHERE key = ?',
    );
    this.deleteInstanceStmt = db.prepare(
      'DELETE FROM process_instance WHERE key = ?',
    );
  }

  definition(key: number): ProcessDefinitionRecord | undefined {
    const row = this.definitionByKey.get(key);
    return row ? toDefinition(row) : undefined;
  }

  /** The newest version of a process, by BPMN process id. */
  latestDefinition(bpmnProcessId: string): ProcessDefinitionRecord | undefined {
    const row = this.latestByBpmnId.get(bpmnProcessId);
    return row ? toDefinition(row) : undefined;
  }

  /** The newest version of every process, by name. */
  latestDefinitions(): ProcessDefinitionRecord[] {
    return this.latestVersions.all().map(toDefinition);
  }

  /** Stores a new version (previous version + 1) of a process. */
  insertVersion(
    key: number,
    bpmnProcessId: string,
    name: string | null,
    steps: StepDefinition[],
    forms: Record<string, string>,
  ): ProcessDefinitionRecord {
    const version = (this.maxVersion.get(bpmnProcessId) ?? 0) + 1;
    this.insertDefinition.run(key, bpmnProcessId, name, version);
    steps.forEach((step, position) => {
      this.insertStep.run(
        key,
        position,
        step.elementId,
        step.name ?? null,
        step.formKey ?? null,
        JSON.stringify(step.candidateGroups ?? []),
        JSON.stringify(step.candidateUsers ?? []),
        step.assignee ?? null,
        step.dueOffsetMs ?? null,
        step.followUpOffsetMs ?? null,
        step.implementation ?? 'JOB_WORKER',
      );
    });
    for (const [formId, schema] of Object.entries(forms)) {
      this.insertForm.run(key, formId, schema);
    }
    return { key, bpmnProcessId, name, version };
  }

  /** The step at a position of a definition, or undefined past the last one. */
  step(
    processDefinitionKey: number,
    position: number,
  ): StepDefinition | undefined {
    const row = this.stepAt.get(processDefinitionKey, position);
    return row ? toStep(row) : undefined;
  }

  form(processDefinitionKey: number, formId: string): FormRecord | undefined {
    const row = this.formById.get(processDefinitionKey, formId);
    return row
      ? { formId, processDefinitionKey, schema: row.schema }
      : undefined;
  }

  instance(key: number): ProcessInstanceRecord | undefined {
    const row = this.instanceByKey.get(key);
    return row ? toInstance(row) : undefined;
  }

  createInstance(key: number, processDefinitionKey: number, at: number): void {
    this.insertInstance.run(key, processDefinitionKey, at);
  }

  finishInstance(
    key: number,
    state: Exclude<InstanceState, 'ACTIVE'>,
    at: number,
  ): void {
    this.endInstance.run(state, at, key);
  }

  /** Deletes an instance; its tasks, variables and snapshots go with it. */
  deleteInstance(key: number): boolean {
    return this.deleteInstanceStmt.run(key).changes > 0;
  }
}
