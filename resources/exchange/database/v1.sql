-- The 12345 ⇄ 110 exchange's intermediate database, version 1 (docs/exchange.md § 8.2).
--
-- One schema in a PostgreSQL database both platforms reach. A sender posts its encoded messages
-- into `message`, addressed to the peer's system; the peer takes the messages addressed to it in
-- queue order, applies them in its own system and writes one `answer` per message (its encoded
-- acknowledgement). Bodies and answers are opaque bytes here: nothing in this schema reads them.
-- Systems are named by their system ids, as in the envelope's `sender.systemId` (e.g. LN-110).
--
-- Run once, as the schema's owner, in one transaction; `linkage_exchange.version` says it ran.
-- Each platform's system then gets a database role of its own (docs: "Roles and grants").

CREATE SCHEMA linkage_exchange;

CREATE TABLE linkage_exchange.version (
    version integer PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);

-- Which database role speaks for which system. The row-level policies below read it.
CREATE TABLE linkage_exchange.party (
    system_id text PRIMARY KEY CHECK (system_id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
    db_role name NOT NULL UNIQUE
);

-- A message's place in its receiver's queue: given when posted, and again when an answered
-- message is posted again (so the receiver takes it again, after what was queued before).
CREATE SEQUENCE linkage_exchange.queue_position;

CREATE TABLE linkage_exchange.message (
    id bigserial PRIMARY KEY,
    from_system text NOT NULL,
    to_system text NOT NULL,
    digest bytea NOT NULL CHECK (octet_length(digest) = 32),  -- sha256(body)
    body bytea NOT NULL,
    posts integer NOT NULL DEFAULT 1,           -- how often it was posted (answered or not)
    answered_posts integer NOT NULL DEFAULT 0,  -- `posts` when it was last answered (trigger)
    queued bigint NOT NULL DEFAULT nextval('linkage_exchange.queue_position'),
    posted_at timestamptz NOT NULL DEFAULT now(),
    posted_by name NOT NULL DEFAULT current_user,
    UNIQUE (to_system, digest),
    CHECK (from_system <> to_system)
);

-- What a receiver takes: messages to it not answered since they were last posted, oldest first.
CREATE INDEX message_waiting ON linkage_exchange.message (to_system, queued)
    WHERE answered_posts < posts;

CREATE TABLE linkage_exchange.answer (
    message_id bigint PRIMARY KEY
        REFERENCES linkage_exchange.message (id) ON DELETE CASCADE,
    posts integer NOT NULL,  -- the message's `posts` when it was taken
    body bytea,              -- the acknowledgement; NULL: the receiver could not name the message
    answered_at timestamptz NOT NULL DEFAULT now(),
    answered_by name NOT NULL DEFAULT current_user
);

-- The system the connected role speaks for (NULL for the owner, which row security skips).
CREATE FUNCTION linkage_exchange.my_system() RETURNS text
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
    AS $$ SELECT system_id FROM linkage_exchange.party WHERE db_role = current_user $$;

-- Posting (or posting again) wakes the receiver: NOTIFY linkage_exchange_to_<system id>.
CREATE FUNCTION linkage_exchange.posted() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    PERFORM pg_notify('linkage_exchange_to_' || NEW.to_system, '');
    RETURN NULL;
END $$;

CREATE TRIGGER posted AFTER INSERT OR UPDATE OF posts ON linkage_exchange.message
    FOR EACH ROW EXECUTE FUNCTION linkage_exchange.posted();

-- Answering marks the message answered and wakes its sender:
-- NOTIFY linkage_exchange_answered_<system id>.
CREATE FUNCTION linkage_exchange.answered() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    sender text;
BEGIN
    UPDATE linkage_exchange.message
       SET answered_posts = greatest(answered_posts, NEW.posts)
     WHERE id = NEW.message_id
    RETURNING from_system INTO sender;
    PERFORM pg_notify('linkage_exchange_answered_' || sender, '');
    RETURN NULL;
END $$;

CREATE TRIGGER answered AFTER INSERT OR UPDATE ON linkage_exchange.answer
    FOR EACH ROW EXECUTE FUNCTION linkage_exchange.answered();

-- Row security: a system's role posts as itself, sees what it sent and what it was sent,
-- posts again only its own messages, answers (and purges) only messages addressed to it.
-- The owner (who ran this file) is not subject to it.
ALTER TABLE linkage_exchange.message ENABLE ROW LEVEL SECURITY;
CREATE POLICY post ON linkage_exchange.message FOR INSERT
    WITH CHECK (from_system = linkage_exchange.my_system() AND posted_by = current_user);
CREATE POLICY see ON linkage_exchange.message FOR SELECT
    USING (linkage_exchange.my_system() IN (from_system, to_system));
CREATE POLICY post_again ON linkage_exchange.message FOR UPDATE
    USING (from_system = linkage_exchange.my_system())
    WITH CHECK (from_system = linkage_exchange.my_system() AND posted_by = current_user);
CREATE POLICY purge ON linkage_exchange.message FOR DELETE
    USING (to_system = linkage_exchange.my_system() AND answered_posts >= posts);

ALTER TABLE linkage_exchange.answer ENABLE ROW LEVEL SECURITY;
CREATE POLICY see ON linkage_exchange.answer FOR SELECT
    USING (EXISTS (SELECT FROM linkage_exchange.message m WHERE m.id = message_id
                   AND linkage_exchange.my_system() IN (m.from_system, m.to_system)));
CREATE POLICY answer ON linkage_exchange.answer FOR INSERT
    WITH CHECK (answered_by = current_user
                AND EXISTS (SELECT FROM linkage_exchange.message m WHERE m.id = message_id
                            AND m.to_system = linkage_exchange.my_system()));
CREATE POLICY answer_again ON linkage_exchange.answer FOR UPDATE
    USING (EXISTS (SELECT FROM linkage_exchange.message m WHERE m.id = message_id
                   AND m.to_system = linkage_exchange.my_system()))
    WITH CHECK (answered_by = current_user);

REVOKE ALL ON ALL TABLES IN SCHEMA linkage_exchange FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA linkage_exchange FROM PUBLIC;

INSERT INTO linkage_exchange.version (version) VALUES (1);
