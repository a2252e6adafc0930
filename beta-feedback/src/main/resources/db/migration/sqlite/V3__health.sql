-- Release health: rollups kept up to date as data arrives, so health reads never scan raw rows.
-- Rows ingested before this version are rolled up once, right after the migration (HealthRollups).

-- Dimensions of a session, for the breakdowns ('' when the client did not say).
ALTER TABLE session ADD COLUMN platform TEXT NOT NULL DEFAULT '';
ALTER TABLE session ADD COLUMN os TEXT NOT NULL DEFAULT '';
ALTER TABLE session ADD COLUMN device TEXT NOT NULL DEFAULT '';
ALTER TABLE session ADD COLUMN app_version TEXT NOT NULL DEFAULT '';
ALTER TABLE session_aggregate ADD COLUMN platform TEXT NOT NULL DEFAULT '';
ALTER TABLE session_aggregate ADD COLUMN os TEXT NOT NULL DEFAULT '';
ALTER TABLE session_aggregate ADD COLUMN device TEXT NOT NULL DEFAULT '';
ALTER TABLE session_aggregate ADD COLUMN app_version TEXT NOT NULL DEFAULT '';
ALTER TABLE event ADD COLUMN os TEXT NOT NULL DEFAULT '';
ALTER TABLE event ADD COLUMN device TEXT NOT NULL DEFAULT '';
ALTER TABLE event ADD COLUMN app_version TEXT NOT NULL DEFAULT '';
CREATE INDEX event_by_signature_release ON event (project_id, fingerprint, release, received_at);

-- Crash events (unhandled) apart from all events, and distinct users hit, per signature and release.
ALTER TABLE signature_release ADD COLUMN crash_events INTEGER NOT NULL DEFAULT 0;
-- A release's signatures in fingerprint order: listing them needs no scan or sort.
CREATE INDEX signature_release_by_release ON signature_release (project_id, release, fingerprint);
ALTER TABLE signature_release ADD COLUMN users INTEGER NOT NULL DEFAULT 0;
-- A signature marked resolved; events after resolved_at make it "regressed".
ALTER TABLE signature ADD COLUMN resolved_at INTEGER;
ALTER TABLE signature ADD COLUMN resolved_release TEXT;

-- Totals per release and environment: dimension 'all' (value '') and one row per value of
-- platform, os, device and app_version. Session outcomes are disjoint: crashed, abnormal,
-- errored (errors > 0 or status errored, not crashed or abnormal), healthy.
CREATE TABLE health_rollup (
    project_id     TEXT    NOT NULL REFERENCES project (id),
    release        TEXT    NOT NULL,
    environment    TEXT    NOT NULL,
    dimension      TEXT    NOT NULL,
    value          TEXT    NOT NULL,
    sessions       INTEGER NOT NULL,
    crashed        INTEGER NOT NULL,
    abnormal       INTEGER NOT NULL,
    errored        INTEGER NOT NULL,
    users          INTEGER NOT NULL,
    crashed_users  INTEGER NOT NULL,
    crash_events   INTEGER NOT NULL,
    first_seen     INTEGER NOT NULL,
    last_seen      INTEGER NOT NULL,
    PRIMARY KEY (project_id, release, environment, dimension, value)
);
CREATE INDEX health_rollup_by_dimension ON health_rollup (project_id, dimension, last_seen);

-- Per hour of session start: counts, and HyperLogLog sketches of the users seen and of the users
-- who crashed (distinct users of any window are the union of its hours' sketches).
CREATE TABLE health_hour (
    project_id            TEXT    NOT NULL REFERENCES project (id),
    release               TEXT    NOT NULL,
    environment           TEXT    NOT NULL,
    hour                  INTEGER NOT NULL,   -- epoch ms of the hour's start
    sessions              INTEGER NOT NULL,
    crashed               INTEGER NOT NULL,
    abnormal              INTEGER NOT NULL,
    errored               INTEGER NOT NULL,
    crash_events          INTEGER NOT NULL,
    users_sketch          BLOB,
    crashed_users_sketch  BLOB,
    PRIMARY KEY (project_id, release, environment, hour)
);
CREATE INDEX health_hour_by_hour ON health_hour (project_id, hour);

-- Distinct users (device ids) per release and environment: exact user counts for the totals.
CREATE TABLE release_user (
    project_id   TEXT    NOT NULL REFERENCES project (id),
    release      TEXT    NOT NULL,
    environment  TEXT    NOT NULL,
    did          TEXT    NOT NULL,
    platform     TEXT    NOT NULL,           -- of the user's first session
    os           TEXT    NOT NULL,
    device       TEXT    NOT NULL,
    app_version  TEXT    NOT NULL,
    crashed      INTEGER NOT NULL,
    first_seen   INTEGER NOT NULL,
    PRIMARY KEY (project_id, release, environment, did)
);

-- Distinct users per signature and release (events' user ids).
CREATE TABLE signature_user (
    project_id   TEXT    NOT NULL,
    fingerprint  TEXT    NOT NULL,
    release      TEXT    NOT NULL,
    environment  TEXT    NOT NULL,
    user_id      TEXT    NOT NULL,
    PRIMARY KEY (project_id, fingerprint, release, environment, user_id)
);
