-- Chaincode events the projection did not take (org.pointsnet.gateway.projection.SetAsideStore): malformed, or
-- without a genuine endorsement by the peer of every platform they post on. Written in the same transaction as
-- the block's other rows and the resume position, so the listener moves on instead of retrying the block.
-- H2: the payload is binary (an event's bytes need not be UTF-8); PostgreSQL's twin uses bytea.
CREATE TABLE projection_set_aside (
    block_number   BIGINT          NOT NULL,
    tx_index       INT             NOT NULL,
    tx_id          VARCHAR(128)    NOT NULL,
    reason         VARCHAR(32)     NOT NULL,
    detail         VARCHAR(1000)   NOT NULL,
    payload_sha256 CHAR(64)        NOT NULL,
    payload_size   INT             NOT NULL,
    -- The payload itself only up to 8 KiB; a larger one is known by its hash and size.
    payload        VARBINARY(8192),
    set_aside_at   TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    PRIMARY KEY (block_number, tx_index)
);
CREATE INDEX projection_set_aside_tx ON projection_set_aside (tx_id);
