-- A person's consents (org.pointsnet.gateway.consent.ConsentStore): per user, per purpose (and, for link and
-- sharing purposes, per other platform), granted and withdrawn with times. A row is never deleted by a withdrawal:
-- it is the record of what was agreed when. The digest (SHA-256, hex) of the row's identity, purpose, platform and
-- grant time is what goes on chain as proof (docs/architecture.md, "Identity links and consent").
-- Personal data is sealed (org.pointsnet.gateway.privacy, AES-256-GCM): user_id and platform_id hold sealed values,
-- user_key the keyed blind index of the user id that rows are looked up by.
CREATE TABLE consent_record (
    consent_id   VARCHAR(36)              NOT NULL PRIMARY KEY,
    user_key     VARCHAR(64)              NOT NULL,
    user_id      VARCHAR(1024)            NOT NULL,
    purpose      VARCHAR(32)              NOT NULL,
    platform_id  VARCHAR(512),
    granted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    withdrawn_at TIMESTAMP WITH TIME ZONE,
    digest       CHAR(64)                 NOT NULL
);
CREATE INDEX consent_record_user ON consent_record (user_key);
