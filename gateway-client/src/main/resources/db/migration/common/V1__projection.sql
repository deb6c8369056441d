-- The event projection (org.pointsnet.gateway.projection.ProjectionStore). Portable SQL: the same migration runs
-- on the embedded H2 store and on PostgreSQL.

-- Where the block stream resumes: updated in the same transaction as the rows of the block it passes.
CREATE TABLE projection_checkpoint (
    id         INT PRIMARY KEY,
    next_block BIGINT NOT NULL
);
INSERT INTO projection_checkpoint (id, next_block) VALUES (1, 0);

-- One row per executed mutating transaction (its Receipt event); the primary key makes a replay count once.
CREATE TABLE receipt (
    tx_id        VARCHAR(128) PRIMARY KEY,
    block_number BIGINT       NOT NULL,
    type         VARCHAR(32)  NOT NULL,
    request_id   VARCHAR(64)  NOT NULL,
    platform_id  VARCHAR(32)  NOT NULL,
    tx_timestamp VARCHAR(40)  NOT NULL,
    payload      VARCHAR      NOT NULL
);
CREATE INDEX receipt_block ON receipt (block_number);

-- The balance changes of each receipt: the history of a user, and the source of the totals.
CREATE TABLE posting (
    tx_id       VARCHAR(128) NOT NULL REFERENCES receipt (tx_id),
    seq         INT          NOT NULL,
    platform_id VARCHAR(32)  NOT NULL,
    user_id     VARCHAR(64)  NOT NULL,
    delta       BIGINT       NOT NULL,
    PRIMARY KEY (tx_id, seq)
);
CREATE INDEX posting_user ON posting (user_id);

-- Per-platform totals replayed from the postings: compared with the on-chain supply by GET /reconciliation.
CREATE TABLE platform_total (
    platform_id VARCHAR(32) PRIMARY KEY,
    supply      BIGINT      NOT NULL,
    receipts    BIGINT      NOT NULL
);
