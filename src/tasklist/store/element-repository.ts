import type { Db } from './database';
import type {
  ElementInstanceRecord,
  ElementInstanceState,
  IncidentRecord,
} from './records';

interface ElementRow {
  key: number;
  process_instance_key: number;
  element_id: string;
  element_type: string;
  state: ElementInstanceState;
  start_time: number;
  end_time: number | null;
}

interface IncidentRow {
  key: number;
  process_instance_key: number;
  element_instance_key: number;
  element_id: string;
  error_type: IncidentRecord['errorType'];
  message: string;
  creation_time: number;
}

const toElement = (row: ElementRow): ElementInstanceRecord => ({
  key: row.key,
  processInstanceKey: row.process_instance_key,
  elementId: row.element_id,
  elementType: row.element_type,
  state: row.state,
  startTime: row.start_time,
  endTime: row.end_time,
});

const toIncident = (row: IncidentRow): IncidentRecord => ({
  key: row.key,
  processInstanceKey: row.process_instance_key,
  elementInstanceKey: row.element_instance_key,
  elementId: row.element_id,
  errorType: row.error_type,
  message: row.message,
  creationTime: row.creation_time,
});

const ELEMENT_COLUMNS =
  'key, process_instance_key, element_id, element_type, state, start_time, end_time';
const INCIDENT_COLUMNS =
  'key, process_instance_key, element_instance_key, element_id, error_type, message, creation_time';

/**
 * The runtime state of instances: element instances (one per activation of
 * a BPMN element), tokens waiting at parallel joins, and incidents.
 */
export class ElementRepository {
  private readonly byKey;
  private readonly ofInstance;
  private readonly activeOfInstance;
  private readonly insertElement;
  private readonly endElement;
  private readonly insertToken;
  private readonly tokenAt;
  private readonly deleteToken;
  private readonly tokenCount;
  private readonly dropTokens;
  private readonly insertIncident;
  private readonly incidentsOf;

  constructor(db: Db) {
    this.byKey = db.prepare<[number], ElementRow>(
      `SELECT ${ELEMENT_COLUMNS} FROM element_instance WHERE key = ?`,
    );
    this.ofInstance = db.prepare<[number], ElementRow>(
      `SELECT ${ELEMENT_COLUMNS} FROM element_instance
       WHERE process_instance_key = ? ORDER BY key`,
    );
    this.activeOfInstance = db.prepare<[number], ElementRow>(
      `SELECT ${ELEMENT_COLUMNS} FROM element_instance
       WHERE process_instance_key = ? AND state = 'ACTIVE' ORDER BY key`,
    );
    this.insertElement = db.prepare(
      `INSERT INTO element_instance (key, process_instance_key, element_id,
         element_type, state, start_time, end_time)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.endElement = db.prepare(
      'UPDATE element_instance SET state = ?, end_time = ? WHERE key = ?',
    );
    this.insertToken = db.prepare(
      `INSERT INTO join_token (key, process_instance_key, element_id, flow_id)
       VALUES (?, ?, ?, ?)`,
    );
    this.tokenAt = db
      .prepare<[number, string, string], number>(
        `SELECT key FROM join_token
         WHERE process_instance_key = ? AND element_id = ? AND flow_id = ?
         ORDER BY key LIMIT 1`,
      )
      .pluck();
    this.deleteToken = db.prepare('DELETE FROM join_token WHERE key = ?');
    this.tokenCount = db
      .prepare<[number], number>(
        'SELECT count(*) FROM join_token WHERE process_instance_key = ?',
      )
      .pluck();
    this.dropTokens = db.prepare(
      'DELETE FROM join_token WHERE process_instance_key = ?',
    );
    this.insertIncident = db.prepare(
      `INSERT INTO incident (${INCIDENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.incidentsOf = db.prepare<[number], IncidentRow>(
      `SELECT ${INCIDENT_COLUMNS} FROM incident
       WHERE process_instance_key = ? ORDER BY key`,
    );
  }

  get(key: number): ElementInstanceRecord | undefined {
    const row = this.byKey.get(key);
    return row ? toElement(row) : undefined;
  }

  /** Every element instance of a process instance, oldest first. */
  ofProcessInstance(processInstanceKey: number): ElementInstanceRecord[] {
    return this.ofInstance.all(processInstanceKey).map(toElement);
  }

  /** The element instances still active (waiting, or stopped by an incident). */
  active(processInstanceKey: number): ElementInstanceRecord[] {
    return this.activeOfInstance.all(processInstanceKey).map(toElement);
  }

  insert(record: ElementInstanceRecord): void {
    this.insertElement.run(
      record.key,
      record.processInstanceKey,
      record.elementId,
      record.elementType,
      record.state,
      record.startTime,
      record.endTime,
    );
  }

  finish(
    key: number,
    state: Exclude<ElementInstanceState, 'ACTIVE'>,
    at: number,
  ): void {
    this.endElement.run(state, at, key);
  }

  /** Records a token that reached a parallel join over `flowId`. */
  addJoinToken(
    key: number,
    processInstanceKey: number,
    elementId: string,
    flowId: string,
  ): void {
    this.insertToken.run(key, processInstanceKey, elementId, flowId);
  }

  /**
   * Consumes one waiting token per flow when every flow has one (the join
   * fires); otherwise consumes nothing and returns false.
   */
  takeJoinTokens(
    processInstanceKey: number,
    elementId: string,
    flowIds: string[],
  ): boolean {
    const tokens = flowIds.map((flowId) =>
      this.tokenAt.get(processInstanceKey, elementId, flowId),
    );
    if (tokens.some((token) => token === undefined)) return false;
    for (const token of tokens) this.deleteToken.run(token);
    return true;
  }

  /** Tokens still waiting at joins (the instance cannot have ended). */
  waitingTokens(processInstanceKey: number): number {
    return this.tokenCount.get(processInstanceKey) ?? 0;
  }

  /** Drops the tokens waiting at joins (the instance was terminated). */
  clearJoinTokens(processInstanceKey: number): void {
    this.dropTokens.run(processInstanceKey);
  }

  addIncident(incident: IncidentRecord): void {
    this.insertIncident.run(
      incident.key,
      incident.processInstanceKey,
      incident.elementInstanceKey,
      incident.elementId,
      incident.errorType,
      incident.message,
      incident.creationTime,
    );
  }

  incidents(processInstanceKey: number): IncidentRecord[] {
    return this.incidentsOf.all(processInstanceKey).map(toIncident);
  }
}
