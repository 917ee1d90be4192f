-- Idempotency-Key (IETF draft "The Idempotency-Key HTTP Header Field"): the answer to each create that carried the
-- header, per caller and key, written in the create's own transaction (common-data IdempotencyKeys). A retry with the
-- same key and the same request gets this answer again instead of a second record; rows older than
-- lianluo.idempotency.keep (24 h) are deleted every hour.
CREATE TABLE idempotency_key (
    caller      text        NOT NULL,              -- the token's subject; '' for an anonymous citizen
    request_key text        NOT NULL,              -- the client's key (at most 255 printable ASCII characters)
    fingerprint bytea       NOT NULL,              -- SHA-256 of method, path and body: only the same request replays
    status      smallint    NOT NULL,
    location    text,
    body        text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, request_key)
);

CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
