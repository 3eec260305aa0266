import type { CompiledForm, ProcessModel } from '../engine/model';
import type { Db } from './database';
import type {
  FormRecord,
  InstanceState,
  ProcessDefinitionRecord,
  ProcessInstanceRecord,
} from './records';

interface DefinitionRow {
  key: number;
  bpmn_process_id: string;
  name: string | null;
  version: number;
  version_tag: string | null;
  resource_name: string;
}

interface InstanceRow {
  key: number;
  process_definition_key: number;
  state: InstanceState;
  start_time: number;
  end_time: number | null;
}

interface FormRow {
  key: number;
  form_id: string;
  process_definition_key: number;
  kind: 'embedded' | 'linked';
  schema: string;
}

const DEFINITION_COLUMNS =
  'd.key, d.bpmn_process_id, d.name, d.version, d.version_tag, d.resource_name';

const toDefinition = (row: DefinitionRow): ProcessDefinitionRecord => ({
  key: row.key,
  bpmnProcessId: row.bpmn_process_id,
  name: row.name,
  version: row.version,
  versionTag: row.version_tag,
  resourceName: row.resource_name,
});

const toInstance = (row: InstanceRow): ProcessInstanceRecord => ({
  key: row.key,
  processDefinitionKey: row.process_definition_key,
  state: row.state,
  startTime: row.start_time,
  endTime: row.end_time,
});

const toForm = (row: FormRow): FormRecord => ({
  key: row.key,
  formId: row.form_id,
  processDefinitionKey: row.process_definition_key,
  kind: row.kind,
  schema: row.schema,
});

/** What a deployment stores for one process of a file. */
export interface NewDefinition {
  key: number;
  model: ProcessModel;
  resourceName: string;
  checksum: string;
  xml: string;
  forms: (CompiledForm & { key: number })[];
  deployTime: number;
}

/** Process definitions with their models and forms, and process instances. */
export class ProcessRepository {
  private readonly definitionByKey;
  private readonly latestByBpmnId;
  private readonly latestVersions;
  private readonly allVersions;
  private readonly latestChecksum;
  private readonly maxVersion;
  private readonly modelOf;
  private readonly xmlOf;
  private readonly insertDefinition;
  private readonly insertForm;
  private readonly formById;
  private readonly formsOf;
  private readonly instanceByKey;
  private readonly insertInstance;
  private readonly endInstance;
  private readonly deleteInstanceStmt;
  /** Parsed models by definition key: definitions never change once stored. */
  private readonly models = new Map<number, ProcessModel>();

  constructor(db: Db) {
    this.definitionByKey = db.prepare<[number], DefinitionRow>(
      `SELECT ${DEFINITION_COLUMNS} FROM process_definition d WHERE d.key = ?`,
    );
    this.latestByBpmnId = db.prepare<[string], DefinitionRow>(
      `SELECT ${DEFINITION_COLUMNS} FROM process_definition d
       WHERE d.bpmn_process_id = ? ORDER BY d.version DESC LIMIT 1`,
    );
    this.latestVersions = db.prepare<[], DefinitionRow>(
      `SELECT ${DEFINITION_COLUMNS} FROM process_definition d
       WHERE d.version = (SELECT max(version) FROM process_definition m
                          WHERE m.bpmn_process_id = d.bpmn_process_id)
       ORDER BY COALESCE(d.name, d.bpmn_process_id) COLLATE NOCASE, d.bpmn_process_id`,
    );
    this.allVersions = db.prepare<[], DefinitionRow>(
      `SELECT ${DEFINITION_COLUMNS} FROM process_definition d ORDER BY d.key`,
    );
    this.latestChecksum = db
      .prepare<[string], string>(
        `SELECT checksum FROM process_definition WHERE bpmn_process_id = ?
         ORDER BY version DESC LIMIT 1`,
      )
      .pluck();
    this.maxVersion = db
      .prepare<[string], number | null>(
        'SELECT max(version) FROM process_definition WHERE bpmn_process_id = ?',
      )
      .pluck();
    this.modelOf = db
      .prepare<[number], string>(
        'SELECT model FROM process_definition WHERE key = ?',
      )
      .pluck();
    this.xmlOf = db
      .prepare<[number], string>(
        'SELECT bpmn_xml FROM process_definition WHERE key = ?',
      )
      .pluck();
    this.insertDefinition = db.prepare(
      `INSERT INTO process_definition (key, bpmn_process_id, name, version,
         version_tag, resource_name, checksum, bpmn_xml, model, deploy_time)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertForm = db.prepare(
      `INSERT INTO form (key, process_definition_key, form_id, kind, schema)
       VALUES (?, ?, ?, ?, ?)`,
    );
    this.formById = db.prepare<[number, string], FormRow>(
      `SELECT key, form_id, process_definition_key, kind, schema FROM form
       WHERE process_definition_key = ? AND form_id = ?`,
    );
    this.formsOf = db.prepare<[number], FormRow>(
      `SELECT key, form_id, process_definition_key, kind, schema FROM form
       WHERE process_definition_key = ? ORDER BY form_id`,
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

  /** Every deployed version of every process, by key (deployment order). */
  allDefinitions(): ProcessDefinitionRecord[] {
    return this.allVersions.all().map(toDefinition);
  }

  /** The checksum of a process's newest version, to skip unchanged reloads. */
  latestChecksumOf(bpmnProcessId: string): string | undefined {
    return this.latestChecksum.get(bpmnProcessId);
  }

  /** The compiled model a definition's instances run on. */
  model(key: number): ProcessModel | undefined {
    const cached = this.models.get(key);
    if (cached) return cached;
    const text = this.modelOf.get(key);
    if (text === undefined) return undefined;
    const model = JSON.parse(text) as ProcessModel;
    this.models.set(key, model);
    return model;
  }

  /** The BPMN XML a definition was deployed from. */
  xml(key: number): string | undefined {
    return this.xmlOf.get(key);
  }

  /** Stores a new version (previous version + 1) of a process with its forms. */
  insertVersion(input: NewDefinition): ProcessDefinitionRecord {
    const { model } = input;
    const version = (this.maxVersion.get(model.bpmnProcessId) ?? 0) + 1;
    this.insertDefinition.run(
      input.key,
      model.bpmnProcessId,
      model.name ?? null,
      version,
      model.versionTag ?? null,
      input.resourceName,
      input.checksum,
      input.xml,
      JSON.stringify(model),
      input.deployTime,
    );
    for (const form of input.forms) {
      this.insertForm.run(
        form.key,
        input.key,
        form.formId,
        form.kind,
        form.schema,
      );
    }
    return {
      key: input.key,
      bpmnProcessId: model.bpmnProcessId,
      name: model.name ?? null,
      version,
      versionTag: model.versionTag ?? null,
      resourceName: input.resourceName,
    };
  }

  form(processDefinitionKey: number, formId: string): FormRecord | undefined {
    const row = this.formById.get(processDefinitionKey, formId);
    return row ? toForm(row) : undefined;
  }

  /** Every form stored with a definition, by form id. */
  forms(processDefinitionKey: number): FormRecord[] {
    return this.formsOf.all(processDefinitionKey).map(toForm);
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
