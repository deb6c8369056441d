-- Issue 15, parts 3 and 4: signed requests and personal data at rest. Portable SQL (H2 and PostgreSQL).

-- Nonces of verified request signatures (org.pointsnet.gateway.signatures.NonceStore): a reused one is refused, by
-- every instance of the platform's gateway that shares this database. expires_at: epoch seconds.
CREATE TABLE request_nonce (
    client_id  VARCHAR(100) NOT NULL,
    nonce      VARCHAR(128) NOT NULL,
    expires_at BIGINT       NOT NULL,
    PRIMARY KEY (client_id, nonce)
);
CREATE INDEX request_nonce_expiry ON request_nonce (expires_at);

-- The projection keeps no user id in clear: a posting names its user by blind index (HMAC-SHA-256 under the
-- gateway's personal data index key), a receipt's payload is sealed (AES-256-GCM), and so is its request id kept only
-- as a blind index (a back end's Idempotency-Key may name a user). The projection is rebuilt from
-- the chain (the chain is its source): the tables are emptied and the block stream starts again at block 0.
DROP TABLE posting;
DROP TABLE receipt;
CREATE TABLE receipt (
    tx_id          VARCHAR(128) PRIMARY KEY,
    block_number   BIGINT       NOT NULL,
    type           VARCHAR(32)  NOT NULL,
    request_ref    VARCHAR(64)  NOT NULL,
    platform_id    VARCHAR(32)  NOT NULL,
    tx_timestamp   VARCHAR(40)  NOT NULL,
    payload_sealed VARCHAR      NOT NULL
);
CREATE INDEX receipt_block ON receipt (block_number);
CREATE TABLE posting (
    tx_id       VARCHAR(128) NOT NULL REFERENCES receipt (tx_id),
    seq         INT          NOT NULL,
    platform_id VARCHAR(32)  NOT NULL,
    user_ref    VARCHAR(64)  NOT NULL,
    delta       BIGINT       NOT NULL,
    PRIMARY KEY (tx_id, seq)
);
CREATE INDEX posting_user ON posting (user_ref);
DELETE FROM platform_total;
DELETE FROM projection_set_aside;
UPDATE projection_checkpoint SET next_block = 0;

-- A platform's users (org.pointsnet.gateway.users.JdbcPlatformUsers): the platform's own user id only as a blind
-- index, the network user id sealed (and by blind index for lookups), the sign-in password hash. The network user
-- id is random per registration: once this row is erased nothing ties the on-chain pseudonym to the person.
-- Replaces user_credential (its ids were in clear): end users' passwords are set again after the upgrade.
CREATE TABLE platform_user (
    login_ref      VARCHAR(64)  PRIMARY KEY,
    user_ref       VARCHAR(64)  NOT NULL UNIQUE,
    user_id_sealed VARCHAR(256) NOT NULL,
    password_hash  VARCHAR(200),
    created_at     BIGINT       NOT NULL
);
DROP TABLE user_credential;
