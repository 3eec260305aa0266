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
  `
  -- The BPMN engine replaces the linear step tables. Worlds of the linear
  -- engine cannot continue on BPMN models, so they are dropped (the server
  -- seeds the new demo world into the empty database on its next start).
  DROP TABLE task_variable;
  DROP TABLE task_candidate;
  DROP TABLE variable;
  DROP TABLE task;
  DROP TABLE process_instance;
  DROP TABLE form;
  DROP TABLE process_step;
  DROP TABLE process_definition;
  DELETE FROM meta;

  CREATE TABLE process_definition (
    key             INTEGER PRIMARY KEY,
    bpmn_process_id TEXT    NOT NULL,
    name            TEXT,
    version         INTEGER NOT NULL,
    version_tag     TEXT,
    -- the file it came from and a digest of it and its linked forms, so an
    -- unchanged file loaded again does not make a new version
    resource_name   TEXT    NOT NULL,
    checksum        TEXT    NOT NULL,
    bpmn_xml        TEXT    NOT NULL,
    -- the compiled model (engine/model.ts) the instances run on
    model           TEXT    NOT NULL,
    deploy_time     INTEGER NOT NULL,
    UNIQUE (bpmn_process_id, version)
  );

  -- embedded (zeebe:userTaskForm) and linked (.form file) forms, stored per
  -- process definition: GraphQL's form(id, processDefinitionId) reads both
  CREATE TABLE form (
    key                    INTEGER NOT NULL UNIQUE,
    process_definition_key INTEGER NOT NULL
      REFERENCES process_definition (key) ON DELETE CASCADE,
    form_id                TEXT    NOT NULL,
    kind                   TEXT    NOT NULL CHECK (kind IN ('embedded', 'linked')),
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
  CREATE INDEX instance_by_state ON process_instance (state);
  CREATE INDEX instance_by_definition ON process_instance (process_definition_key);

  -- one row per activation of a BPMN element (Zeebe's element instances)
  CREATE TABLE element_instance (
    key                  INTEGER PRIMARY KEY,
    process_instance_key INTEGER NOT NULL
      REFERENCES process_instance (key) ON DELETE CASCADE,
    element_id           TEXT    NOT NULL,
    element_type         TEXT    NOT NULL,
    state                TEXT    NOT NULL
      CHECK (state IN ('ACTIVE', 'COMPLETED', 'TERMINATED')),
    start_time           INTEGER NOT NULL,
    end_time             INTEGER
  );
  CREATE INDEX element_instance_by_instance
    ON element_instance (process_instance_key, state);

  -- tokens waiting at a parallel gateway for the other incoming flows
  CREATE TABLE join_token (
    key                  INTEGER PRIMARY KEY,
    process_instance_key INTEGER NOT NULL
      REFERENCES process_instance (key) ON DELETE CASCADE,
    element_id           TEXT    NOT NULL,
    flow_id              TEXT    NOT NULL
  );
  CREATE INDEX join_token_by_gateway
    ON join_token (process_instance_key, element_id, flow_id);

  -- why an instance stopped (a gateway without a matching flow, a failing
  -- expression): the instance stays ACTIVE at that element
  CREATE TABLE incident (
    key                  INTEGER PRIMARY KEY,
    process_instance_key INTEGER NOT NULL
      REFERENCES process_instance (key) ON DELETE CASCADE,
    element_instance_key INTEGER NOT NULL,
    element_id           TEXT    NOT NULL,
    error_type           TEXT    NOT NULL,
    message              TEXT    NOT NULL,
    creation_time        INTEGER NOT NULL
  );
  CREATE INDEX incident_by_instance ON incident (process_instance_key);

  CREATE TABLE task (
    key                    INTEGER PRIMARY KEY,
    process_instance_key   INTEGER NOT NULL
      REFERENCES process_instance (key) ON DELETE CASCADE,
    process_definition_key INTEGER NOT NULL,
    element_instance_key   INTEGER NOT NULL,
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

  CREATE TABLE task_candidate (
    task_key INTEGER NOT NULL REFERENCES task (key) ON DELETE CASCADE,
    kind     TEXT    NOT NULL CHECK (kind IN ('group', 'user')),
    name     TEXT    NOT NULL,
    PRIMARY KEY (task_key, kind, name)
  ) WITHOUT ROWID;
  CREATE INDEX task_candidate_by_name ON task_candidate (kind, name, task_key);

  -- runtime variables: scope_key is the process instance key (process scope)
  -- or an element instance key (a user task's local scope, from its input
  -- mappings); the key is the variable's own stable key
  CREATE TABLE variable (
    key                  INTEGER PRIMARY KEY,
    scope_key            INTEGER NOT NULL,
    process_instance_key INTEGER NOT NULL
      REFERENCES process_instance (key) ON DELETE CASCADE,
    name                 TEXT    NOT NULL,
    value                TEXT    NOT NULL,
    UNIQUE (scope_key, name)
  );
  CREATE INDEX variable_by_instance ON variable (process_instance_key, name);

  CREATE TABLE task_variable (
    task_key INTEGER NOT NULL REFERENCES task (key) ON DELETE CASCADE,
    name     TEXT    NOT NULL,
    value    TEXT    NOT NULL,
    PRIMARY KEY (task_key, name)
  ) WITHOUT ROWID;

  CREATE INDEX task_by_creation ON task (creation_time DESC, key);
  CREATE INDEX task_by_state_creation ON task (state, creation_time DESC, key);
  CREATE INDEX task_by_state_completion ON task (state, completion_time DESC, key);
  CREATE INDEX task_by_assignee ON task (assignee, state, creation_time DESC, key);
  CREATE INDEX task_by_assignee_creation ON task (assignee, creation_time DESC, key);
  CREATE INDEX task_by_instance ON task (process_instance_key);
  CREATE INDEX task_by_element_instance ON task (element_instance_key);
  CREATE INDEX task_by_definition ON task (process_definition_key, element_id);
  CREATE INDEX task_by_due_asc
    ON task (COALESCE(due_date, 9223372036854775807), key);
  CREATE INDEX task_by_due_desc
    ON task (COALESCE(due_date, -9223372036854775808) DESC, key);
  CREATE INDEX task_by_follow_up_asc
    ON task (COALESCE(follow_up_date, 9223372036854775807), key);
  CREATE INDEX task_by_follow_up_desc
    ON task (COALESCE(follow_up_date, -9223372036854775808) DESC, key);
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
  -- The REST API addresses every variable by key, the copies completed tasks
  -- keep included. Existing copies get keys after every key handed out so
  -- far, in a fixed order, and the key sequence moves past them.
  ALTER TABLE task_variable ADD COLUMN key INTEGER;
  CREATE TEMP TABLE key_base AS
    SELECT 2251799813685248 + COALESCE(
      (SELECT CAST(value AS INTEGER) FROM meta WHERE name = 'key_sequence'), 0) AS base;
  UPDATE task_variable SET key = numbered.key FROM (
    SELECT task_key AS t, name AS n,
      (SELECT base FROM key_base)
        + row_number() OVER (ORDER BY task_key, name) AS key
    FROM task_variable) AS numbered
  WHERE task_variable.task_key = numbered.t AND task_variable.name = numbered.n;
  INSERT INTO meta (name, value)
    SELECT 'key_sequence',
      CAST(base - 2251799813685248 + (SELECT count(*) FROM task_variable) AS TEXT)
    FROM key_base
    WHERE (SELECT count(*) FROM task_variable) > 0
  ON CONFLICT (name) DO UPDATE SET value = excluded.value;
  DROP TABLE key_base;
  CREATE UNIQUE INDEX task_variable_by_key ON task_variable (key);

  -- The REST API orders by key unless asked otherwise.
  CREATE INDEX task_by_state_key ON task (state, key);
  CREATE INDEX task_by_assignee_state_key ON task (assignee, state, key);
  `,
];
