//! The center database's schema: numbered migrations, each applied once, in order (SQLite's
//! `user_version` holds how many were).

/// Schema migrations, in order; migration `i` brings `user_version` from `i` to `i + 1`.
pub(super) const MIGRATIONS: &[&str] = &[
    // 1: sessions, step attempts, errors, critical failures, scenario versions, erasures,
    // settings.
    r#"
    CREATE TABLE scenarios (
        sha256 TEXT PRIMARY KEY,
        id TEXT NOT NULL,
        version TEXT NOT NULL,
        source BLOB NOT NULL,
        added_at TEXT NOT NULL
    );
    CREATE TABLE sessions (
        session TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('complete', 'incomplete')),
        learner TEXT NOT NULL,
        station TEXT NOT NULL,
        station_key TEXT,
        station_name TEXT,
        scenario_sha256 TEXT NOT NULL,
        scenario_id TEXT NOT NULL,
        scenario_version TEXT NOT NULL,
        mode TEXT NOT NULL,
        started_at TEXT NOT NULL,
        duration_ms INTEGER,
        passed INTEGER,
        finished INTEGER,
        scaled REAL,
        raw REAL,
        max REAL,
        pass_mark REAL,
        critical INTEGER,
        hints INTEGER,
        events INTEGER NOT NULL,
        record BLOB NOT NULL,
        record_sha256 TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX sessions_learner ON sessions (learner);
    CREATE INDEX sessions_scenario ON sessions (scenario_id, started_at);
    CREATE INDEX sessions_started ON sessions (started_at);
    CREATE TABLE steps (
        session TEXT NOT NULL REFERENCES sessions (session) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        step TEXT NOT NULL,
        status TEXT NOT NULL,
        points REAL NOT NULL,
        max REAL NOT NULL,
        completions INTEGER NOT NULL,
        at_ms INTEGER,
        took_ms INTEGER,
        correct INTEGER,
        PRIMARY KEY (session, ord)
    );
    CREATE INDEX steps_step ON steps (step);
    CREATE TABLE errors (
        session TEXT NOT NULL REFERENCES sessions (session) ON DELETE CASCADE,
        error TEXT NOT NULL,
        severity TEXT NOT NULL,
        count INTEGER NOT NULL,
        penalty REAL NOT NULL,
        PRIMARY KEY (session, error)
    );
    CREATE TABLE critical (
        session TEXT NOT NULL REFERENCES sessions (session) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        at_ms INTEGER,
        PRIMARY KEY (session, ord)
    );
    CREATE TABLE erased (
        session TEXT PRIMARY KEY,
        erased_at TEXT NOT NULL,
        why TEXT NOT NULL
    );
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    "#,
    // 2: cohorts (named groups of learners, for reports).
    r#"
    CREATE TABLE cohorts (
        cohort TEXT NOT NULL,
        learner TEXT NOT NULL,
        PRIMARY KEY (cohort, learner)
    );
    CREATE INDEX cohorts_learner ON cohorts (learner);
    "#,
    // 3: held records — kept with their bytes, never results: records without a footer
    // (unverified, whatever learner their header names), records that failed a later check
    // (quarantined), and two validly signed records of one session (a conflict). Sessions filed
    // as incomplete before become held records.
    r#"
    CREATE TABLE held (
        record_sha256 TEXT PRIMARY KEY,
        session TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('incomplete', 'quarantined', 'conflict')),
        reason TEXT NOT NULL,
        learner TEXT NOT NULL,
        station TEXT NOT NULL,
        scenario_id TEXT NOT NULL,
        scenario_version TEXT NOT NULL,
        started_at TEXT NOT NULL,
        events INTEGER NOT NULL,
        record BLOB NOT NULL,
        held_at TEXT NOT NULL
    );
    CREATE INDEX held_session ON held (session);
    CREATE INDEX held_learner ON held (learner);
    INSERT INTO held (record_sha256, session, kind, reason, learner, station, scenario_id,
            scenario_version, started_at, events, record, held_at)
        SELECT record_sha256, session, 'incomplete', 'the record has no footer: nothing in it is signed', learner,
            station, scenario_id, scenario_version, started_at, events, record, ingested_at
        FROM sessions WHERE status = 'incomplete';
    DELETE FROM sessions WHERE status = 'incomplete';
    "#,
];
