/**
 * Schema migrations, applied in order inside one transaction each. A database
 * remembers how far it got in `PRAGMA user_version`; never edit a migration
 * that has shipped, add a new one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE process_definition (
    key             INTEGER PRIMARY KEY,
    bpmn_process_id TEXT    NOT NULL,
    name            TEXT,
    version         INTEGER NOT NULL,
    UNIQUE (bpmn_process_id, version)
  );

  CREATE TABLE process_step (
    process_definition_key INTEGER NOT NULL
      REFERENCES process_definition (key) ON DELETE CASCADE,
    position               INTEGER NOT NULL,
    element_id             TEXT    NOT NULL,
    name                   TEXT,
    form_key               TEXT,
    candidate_groups       TEXT    NOT NULL,
    candidate_users        TEXT    NOT NULL,
    assignee               TEXT,
    due_offset_ms          INTEGER,
    follow_up_offset_ms    INTEGER,
    implementation         TEXT    NOT NULL,
    PRIMARY KEY (process_definition_key, position)
  ) WITHOUT ROWID;

  CREATE TABLE form (
    process_definition_key INTEGER NOT NULL
      REFERENCES process_definition (key) ON DELETE CASCADE,
    form_id                TEXT    NOT NULL,
    schema                 TEXT    NOT NULL,
    PRIMARY KEY (process_definition_key, form_id)
  ) WITHOUT ROWID;

  CREATE TABLE process_instance (
    key                    INTEGER PRIMARY KEY,
    process_definition_key INTEGER NOT NULL REFERENCES process_definition (key),
    state                  TEXT    NOT NULL
      CHECK (state IN ('ACTIVE', 'COMPLETED', 'CANCELED')),
    start_time             INTEGER NOT NULL,
    end_time               INTEGER
  );

  CREATE TABLE task (
    key                    INTEGER PRIMARY KEY,
    process_instance_key   INTEGER NOT NULL
      REFERENCES process_instance (key) ON DELETE CASCADE,
    process_definition_key INTEGER NOT NULL,
    step_position          INTEGER NOT NULL,
    process_name           TEXT    NOT NULL,
    element_id             TEXT    NOT NULL,
    name                   TEXT    NOT NULL,
    state                  TEXT    NOT NULL
      CHECK (state IN ('CREATED', 'COMPLETED', 'CANCELED')),
    creation_time          INTEGER NOT NULL,
    completion_time        INTEGER,
    assignee               TEXT,
    form_key               TEXT,
    candidate_groups       TEXT    NOT NULL,
    candidate_users        TEXT    NOT NULL,
    due_date               INTEGER,
    follow_up_date         INTEGER,
    implementation         TEXT    NOT NULL
  );

  -- candidate groups and users, one row each, for the candidateGroup/User filters
  CREATE TABLE task_candidate (
    task_key INTEGER NOT NULL REFERENCES task (key) ON DELETE CASCADE,
    kind     TEXT    NOT NULL CHECK (kind IN ('group', 'user')),
    name     TEXT    NOT NULL,
    PRIMARY KEY (task_key, kind, name)
  ) WITHOUT ROWID;
  CREATE INDEX task_candidate_by_name ON task_candidate (kind, name, task_key);

  CREATE TABLE variable (
    process_instance_key INTEGER NOT NULL
      REFERENCES process_instance (key) ON DELETE CASCADE,
    name                 TEXT    NOT NULL,
    value                TEXT    NOT NULL,
    PRIMARY KEY (process_instance_key, name)
  ) WITHOUT ROWID;

  -- the variables a task saw when it was completed
  CREATE TABLE task_variable (
    task_key INTEGER NOT NULL REFERENCES task (key) ON DELETE CASCADE,
    name     TEXT    NOT NULL,
    value    TEXT    NOT NULL,
    PRIMARY KEY (task_key, name)
  ) WITHOUT ROWID;

  -- Default sorts: creationTime DESC for open (or all but canceled) tasks,
  -- completionTime DESC for finished ones; the task key breaks ties.
  CREATE INDEX task_by_creation ON task (creation_time DESC, key);
  CREATE INDEX task_by_state_creation ON task (state, creation_time DESC, key);
  CREATE INDEX task_by_state_completion ON task (state, completion_time DESC, key);
  -- "My tasks" and the assigned filter.
  CREATE INDEX task_by_assignee ON task (assignee, state, creation_time DESC, key);
  CREATE INDEX task_by_instance ON task (process_instance_key);
  CREATE INDEX task_by_definition ON task (process_definition_key, element_id);
  -- Custom sorts on nullable dates put missing values last through a sentinel,
  -- so the indexes hold exactly the expressions the queries order by.
  CREATE INDEX task_by_due_asc
    ON task (COALESCE(due_date, 9223372036854775807), key);
  CREATE INDEX task_by_due_desc
    ON task (COALESCE(due_date, -9223372036854775808) DESC, key);
  CREATE INDEX task_by_follow_up_asc
    ON task (COALESCE(follow_up_date, 9223372036854775807), key);
  CREATE INDEX task_by_follow_up_desc
    ON task (COALESCE(follow_up_date, -9223372036854775808) DESC, key);
  CREATE INDEX instance_by_state ON process_instance (state);
  `,
  `
  -- The inbox usually sorts open tasks by due or follow-up date: give the
  -- state-filtered custom sorts their own indexes (same sentinel expressions).
  CREATE INDEX task_by_state_due_asc
    ON task (state, COALESCE(due_date, 9223372036854775807), key);
  CREATE INDEX task_by_state_due_desc
    ON task (state, COALESCE(due_date, -9223372036854775808) DESC, key);
  CREATE INDEX task_by_state_follow_up_asc
    ON task (state, COALESCE(follow_up_date, 9223372036854775807), key);
  CREATE INDEX task_by_state_follow_up_desc
    ON task (state, COALESCE(follow_up_date, -9223372036854775808) DESC, key);
  `,
  `
  -- Without a state filter (every state but CANCELED) the state column cannot
  -- narrow an index range, so "unassigned" and "assigned to X" need an index
  -- that is ordered by creation time right after the assignee.
  CREATE INDEX task_by_assignee_creation ON task (assignee, creation_time DESC, key);
  `,
];
