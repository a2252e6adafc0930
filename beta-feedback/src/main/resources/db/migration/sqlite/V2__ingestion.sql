-- Ingestion: crash events, their signatures, sessions, feedback, attachments, client reports.
-- Times are epoch milliseconds (UTC). Bodies are stored after personal data was scrubbed.

-- Service-wide settings kept across restarts (e.g. the generated admin token).
CREATE TABLE setting (
    name   TEXT NOT NULL PRIMARY KEY,
    value  TEXT NOT NULL
);

-- A crash signature: one bug, across releases.
CREATE TABLE signature (
    project_id     TEXT    NOT NULL REFERENCES project (id),
    fingerprint    TEXT    NOT NULL,
    title          TEXT    NOT NULL,
    first_seen     INTEGER NOT NULL,
    last_seen      INTEGER NOT NULL,
    first_release  TEXT    NOT NULL,
    PRIMARY KEY (project_id, fingerprint)
);

-- Per signature and release: every event counted, including those past a rate limit whose
-- bodies were not stored (dropped_events).
CREATE TABLE signature_release (
    project_id      TEXT    NOT NULL,
    fingerprint     TEXT    NOT NULL,
    release         TEXT    NOT NULL,
    environment     TEXT    NOT NULL,
    events          INTEGER NOT NULL,
    dropped_events  INTEGER NOT NULL,
    first_seen      INTEGER NOT NULL,
    last_seen       INTEGER NOT NULL,
    PRIMARY KEY (project_id, fingerprint, release, environment)
);

CREATE TABLE event (
    project_id   TEXT    NOT NULL REFERENCES project (id),
    event_id     TEXT    NOT NULL,           -- 32 lowercase hex
    received_at  INTEGER NOT NULL,
    occurred_at  INTEGER NOT NULL,
    release      TEXT    NOT NULL,           -- '' when the event named none
    environment  TEXT    NOT NULL,
    platform     TEXT    NOT NULL,
    level        TEXT    NOT NULL,
    crash        INTEGER NOT NULL,           -- 1: unhandled (mechanism.handled = false)
    fingerprint  TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    user_id      TEXT,
    body         TEXT    NOT NULL,           -- scrubbed event JSON, unknown fields kept
    PRIMARY KEY (project_id, event_id)
);
CREATE INDEX event_by_signature ON event (project_id, fingerprint, received_at);
CREATE INDEX event_by_release ON event (project_id, release, received_at);

-- One row per session (sid); updates merge into it (later seq wins, terminal states final).
CREATE TABLE session (
    project_id   TEXT    NOT NULL REFERENCES project (id),
    sid          TEXT    NOT NULL,
    did          TEXT,
    release      TEXT    NOT NULL,
    environment  TEXT    NOT NULL,
    status       TEXT    NOT NULL,           -- ok, exited, crashed, abnormal, errored
    errors       INTEGER NOT NULL,
    seq          INTEGER NOT NULL,
    init_seen    INTEGER NOT NULL,           -- 1 once the init=true update arrived
    started      INTEGER NOT NULL,
    duration_ms  INTEGER,
    updated_at   INTEGER NOT NULL,
    PRIMARY KEY (project_id, sid)
);
CREATE INDEX session_by_release ON session (project_id, release, environment, started);

-- Pre-aggregated session counts (item type "sessions"); item_key makes a re-sent item count once.
CREATE TABLE session_aggregate (
    project_id   TEXT    NOT NULL REFERENCES project (id),
    item_key     TEXT    NOT NULL,
    bucket       INTEGER NOT NULL,
    release      TEXT    NOT NULL,
    environment  TEXT    NOT NULL,
    did          TEXT,
    exited       INTEGER NOT NULL,
    errored      INTEGER NOT NULL,
    abnormal     INTEGER NOT NULL,
    crashed      INTEGER NOT NULL,
    received_at  INTEGER NOT NULL,
    PRIMARY KEY (project_id, item_key, bucket)
);
CREATE INDEX session_aggregate_by_release ON session_aggregate (project_id, release, environment, bucket);

CREATE TABLE feedback (
    project_id   TEXT    NOT NULL REFERENCES project (id),
    feedback_id  TEXT    NOT NULL,
    event_id     TEXT,                        -- the crash it comments on, when known
    name         TEXT,
    email        TEXT,
    message      TEXT    NOT NULL,
    received_at  INTEGER NOT NULL,
    PRIMARY KEY (project_id, feedback_id)
);

CREATE TABLE attachment (
    project_id    TEXT    NOT NULL REFERENCES project (id),
    attachment_id TEXT    NOT NULL,
    event_id      TEXT,
    filename      TEXT    NOT NULL,
    content_type  TEXT,
    size          INTEGER NOT NULL,
    body          BLOB    NOT NULL,
    received_at   INTEGER NOT NULL,
    PRIMARY KEY (project_id, attachment_id)
);

-- What SDKs report they discarded themselves (client_report items).
CREATE TABLE client_report (
    project_id   TEXT    NOT NULL REFERENCES project (id),
    report_key   TEXT    NOT NULL,           -- digest of the item and entry: a re-send counts once
    received_at  INTEGER NOT NULL,
    reason       TEXT    NOT NULL,
    category     TEXT    NOT NULL,
    quantity     INTEGER NOT NULL,
    PRIMARY KEY (project_id, report_key)
);
