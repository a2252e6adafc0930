-- A project receives crash reports and sessions; its public key forms the Sentry DSN
-- http://<public_key>@<host>:<port>/<id>.
CREATE TABLE project (
    id          TEXT    NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL,
    public_key  TEXT    NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL  -- epoch milliseconds
);
