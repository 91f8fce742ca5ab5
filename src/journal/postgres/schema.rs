//! The journal's schema on a PostgreSQL server, created and migrated by the app, versioned like
//! the SQLite file ([`SERVER_FORMAT_VERSION`] in `airdesk.schema_version`).
//!
//! Everything lives in the schema `airdesk` of the database the URL names:
//!
//! - `events` — one row per event, the same columns as SQLite's; append-only by triggers (no
//!   UPDATE, DELETE or TRUNCATE, whoever asks) and by privileges (the app's roles have none); an
//!   insert must carry the next sequence number and the previous event's hash, so even a faulty
//!   client cannot fork the chain.
//! - `head` — the last sequence number and hash, updated in the same transaction as each insert;
//!   a trigger accepts only a head that moves forward onto an event that exists. Appends lock
//!   this row (`SELECT … FOR UPDATE`), which serialises writers from any number of desks.
//! - `meta` — the journal's id (random, chosen at creation): each desk keeps its checkpoint per
//!   journal id.
//! - `desks` — which login is which desk: its name (stamped on its events), its role (`desk`,
//!   `unit`, `viewer`) and, for a unit desk, its units. The insert trigger refuses an event whose
//!   desk field is not the login's desk name, any event from a viewer, and a unit desk's event
//!   that does not name one of its units (`payload.item.unit` or `payload.unit`).
//! - `evidence` — evidence files by SHA-256 (checked by a trigger), append-only, so every desk
//!   opens the same file.
//!
//! Two group roles get the privileges: `airdesk_desk` (read, append, store evidence) and
//! `airdesk_viewer` (read only: no INSERT anywhere). The administrator makes one login per desk a
//! member of one of them and registers it in `desks` (README, "A centre's server").

/// The newest server schema this build creates and reads.
pub const SERVER_FORMAT_VERSION: i32 = 1;

/// The channel every append notifies, with the new head's sequence number as payload.
pub const CHANNEL: &str = "airdesk_journal";

/// Group role of desks that record events (roles `desk` and `unit`).
pub const DESK_ROLE: &str = "airdesk_desk";

/// Group role of read-only desks (viewers, projectors).
pub const VIEWER_ROLE: &str = "airdesk_viewer";

/// Key of the advisory lock held while the schema is created or migrated, so two desks opening
/// a new database at the same moment do not both create it.
pub const MIGRATION_LOCK: i64 = 0x4144_4A4C_5347; // "ADJLSG"

/// The group roles, created when missing. Role names are shared by every database of the
/// server, so a second journal on the same server reuses them; two desks creating them at once
/// is not an error.
pub const ROLES: &str = "
DO $roles$
BEGIN
    BEGIN
        CREATE ROLE airdesk_desk NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
    BEGIN
        CREATE ROLE airdesk_viewer NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
END
$roles$;
";

/// Whether the schema exists (asked first: a query naming a missing table fails to plan).
pub const EXISTS: &str = "SELECT to_regclass('airdesk.schema_version') IS NOT NULL";

/// The schema's version, once it exists.
pub const CURRENT_VERSION: &str = "SELECT coalesce(max(version), 0) FROM airdesk.schema_version";

/// Migration steps: `MIGRATIONS[i]` takes the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[V1];

const V1: &str = r#"
CREATE SCHEMA airdesk;
CREATE TABLE airdesk.schema_version (
    version integer PRIMARY KEY,
    description text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO airdesk.schema_version (version, description)
    VALUES (1, 'events + head + meta + desks + evidence; SHA-256 chain, tag AirDesk journal event v1');

CREATE TABLE airdesk.meta (
    id integer PRIMARY KEY CHECK (id = 1),
    journal_id text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO airdesk.meta (id, journal_id)
    VALUES (1, md5(random()::text || clock_timestamp()::text || pg_backend_pid()::text));

CREATE TABLE airdesk.events (
    seq bigint PRIMARY KEY CHECK (seq >= 1),
    recorded_at_us bigint NOT NULL,
    utc_offset_s integer NOT NULL,
    operator text NOT NULL,
    desk text NOT NULL,
    kind text NOT NULL,
    payload text NOT NULL,
    prev_hash text NOT NULL,
    hash text NOT NULL
);

CREATE TABLE airdesk.head (
    id integer PRIMARY KEY CHECK (id = 1),
    seq bigint NOT NULL,
    hash text NOT NULL
);
INSERT INTO airdesk.head (id, seq, hash) VALUES (1, 0, repeat('0', 64));

CREATE TABLE airdesk.desks (
    login name PRIMARY KEY,
    desk text NOT NULL UNIQUE CHECK (length(desk) BETWEEN 1 AND 64),
    role text NOT NULL CHECK (role IN ('desk', 'unit', 'viewer')),
    units text[] NOT NULL DEFAULT '{}'
);

CREATE TABLE airdesk.evidence (
    sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    name text NOT NULL,
    content bytea NOT NULL,
    added_at timestamptz NOT NULL DEFAULT now(),
    added_by name NOT NULL DEFAULT current_user
);

CREATE FUNCTION airdesk.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'AirDesk journal % rows are append-only', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON airdesk.events
    FOR EACH ROW EXECUTE FUNCTION airdesk.refuse_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON airdesk.events
    FOR EACH STATEMENT EXECUTE FUNCTION airdesk.refuse_change();
CREATE TRIGGER head_no_delete BEFORE DELETE ON airdesk.head
    FOR EACH ROW EXECUTE FUNCTION airdesk.refuse_change();
CREATE TRIGGER head_no_truncate BEFORE TRUNCATE ON airdesk.head
    FOR EACH STATEMENT EXECUTE FUNCTION airdesk.refuse_change();
CREATE TRIGGER evidence_no_update BEFORE UPDATE OR DELETE ON airdesk.evidence
    FOR EACH ROW EXECUTE FUNCTION airdesk.refuse_change();
CREATE TRIGGER evidence_no_truncate BEFORE TRUNCATE ON airdesk.evidence
    FOR EACH STATEMENT EXECUTE FUNCTION airdesk.refuse_change();

-- The chain on the server's side: the next number, linked to the last event; the desk's name
-- and rights.
CREATE FUNCTION airdesk.check_append() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last_seq bigint;
    last_hash text;
    entry airdesk.desks%ROWTYPE;
    unit text;
BEGIN
    SELECT seq, hash INTO last_seq, last_hash FROM airdesk.events ORDER BY seq DESC LIMIT 1;
    IF NEW.seq <> coalesce(last_seq, 0) + 1 THEN
        RAISE EXCEPTION 'AirDesk journal: event #% does not follow #%', NEW.seq, coalesce(last_seq, 0)
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.prev_hash <> coalesce(last_hash, repeat('0', 64)) THEN
        RAISE EXCEPTION 'AirDesk journal: event #% does not link to the event before it', NEW.seq
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    SELECT * INTO entry FROM airdesk.desks WHERE login = current_user;
    IF NOT FOUND THEN
        IF pg_has_role(current_user, (SELECT tableowner FROM pg_tables
                                      WHERE schemaname = 'airdesk' AND tablename = 'events'),
                       'MEMBER') THEN
            RETURN NEW; -- the journal's owner (copying a journal in, or an administrator)
        END IF;
        RAISE EXCEPTION 'AirDesk journal: login % is not registered as a desk (airdesk.desks)', current_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF entry.role = 'viewer' THEN
        RAISE EXCEPTION 'AirDesk journal: desk % is a viewer and records nothing', entry.desk
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.desk <> entry.desk THEN
        RAISE EXCEPTION 'AirDesk journal: login % is desk %, not %', current_user, entry.desk, NEW.desk
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF entry.role = 'unit' THEN
        unit := coalesce(NEW.payload::jsonb -> 'item' ->> 'unit', NEW.payload::jsonb ->> 'unit');
        IF unit IS NULL OR NOT (unit = ANY (entry.units)) THEN
            RAISE EXCEPTION 'AirDesk journal: unit desk % records only for its units (%), not %',
                entry.desk, array_to_string(entry.units, ', '), coalesce(unit, 'this event')
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER events_append BEFORE INSERT ON airdesk.events
    FOR EACH ROW EXECUTE FUNCTION airdesk.check_append();

-- The head only moves forward, onto an event that is there with that hash.
CREATE FUNCTION airdesk.check_head() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.seq < OLD.seq OR NOT EXISTS (
        SELECT 1 FROM airdesk.events WHERE seq = NEW.seq AND hash = NEW.hash
    ) THEN
        RAISE EXCEPTION 'AirDesk journal: the head may only move forward onto a stored event'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER head_forward BEFORE UPDATE ON airdesk.head
    FOR EACH ROW EXECUTE FUNCTION airdesk.check_head();

CREATE FUNCTION airdesk.check_evidence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF encode(sha256(NEW.content), 'hex') <> NEW.sha256 THEN
        RAISE EXCEPTION 'AirDesk evidence: the content does not hash to %', NEW.sha256
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    NEW.added_at := now();
    NEW.added_by := current_user;
    RETURN NEW;
END
$$;
CREATE TRIGGER evidence_hash BEFORE INSERT ON airdesk.evidence
    FOR EACH ROW EXECUTE FUNCTION airdesk.check_evidence();

REVOKE ALL ON ALL TABLES IN SCHEMA airdesk FROM PUBLIC;
GRANT USAGE ON SCHEMA airdesk TO airdesk_desk, airdesk_viewer;
GRANT SELECT ON airdesk.schema_version, airdesk.meta, airdesk.events, airdesk.head, airdesk.desks,
    airdesk.evidence TO airdesk_desk, airdesk_viewer;
GRANT INSERT ON airdesk.events, airdesk.evidence TO airdesk_desk;
GRANT UPDATE ON airdesk.head TO airdesk_desk;
"#;
