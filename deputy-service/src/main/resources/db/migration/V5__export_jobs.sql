-- Export jobs (导出任务, common-data ExportJobs): a long export runs in the background on whichever replica claims it,
-- and its file is kept here, in pieces, for a day, so any replica can answer its progress and its download.
CREATE TABLE export_job (
    id           text        PRIMARY KEY,           -- the kind first: deputy-roll-<uuid> (the gateway routes by it)
    requester    text        NOT NULL,              -- the token's subject; only they read the job and its file
    kind         text        NOT NULL,
    region       text        NOT NULL,
    year         integer     NOT NULL,              -- -1 for a kind without a year (the roll)
    format       text        NOT NULL CHECK (format IN ('csv', 'xlsx')),
    status       text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    rows_written bigint      NOT NULL DEFAULT 0,
    rows_total   bigint,                            -- counted when a worker starts it
    worker       text,                              -- the claim of the worker running it
    heartbeat_at timestamptz,                       -- older than the lease: the worker died, another takes it over
    attempts     integer     NOT NULL DEFAULT 0,
    error        text,
    file_name    text,
    file_bytes   bigint,
    created_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    expires_at   timestamptz NOT NULL               -- swept (with its file) after this
);

-- one queued or running job per requester and export, whichever replica takes the request
CREATE UNIQUE INDEX export_job_running ON export_job (requester, kind, region, year, format)
    WHERE status IN ('QUEUED', 'RUNNING');
CREATE INDEX export_job_waiting ON export_job (created_at) WHERE status IN ('QUEUED', 'RUNNING');
CREATE INDEX export_job_expires_at ON export_job (expires_at);

CREATE TABLE export_chunk (
    job_id text    NOT NULL REFERENCES export_job (id) ON DELETE CASCADE,
    seq    integer NOT NULL,
    bytes  bytea   NOT NULL,
    PRIMARY KEY (job_id, seq)
);
