-- Every API request looks its bearer token up by value (KnownTokenValidator: revocation takes effect at once), every
-- refresh its refresh token, every login its state and code. Without an index each lookup scanned every grant:
-- 3.4-4.8 ms per request with 10,000 grants on this machine, 0.05 ms with the index (docs/benchmarks.md).
-- The values are SHA-256 hashes (HashedTokenAuthorizationService), so a B-tree on them stays small.
-- H2 stores these columns as BLOB, which it cannot index: the embedded store keeps scanning (docs/operations.md).
CREATE INDEX oauth2_authorization_access_token ON oauth2_authorization (access_token_value);
CREATE INDEX oauth2_authorization_refresh_token ON oauth2_authorization (refresh_token_value);
CREATE INDEX oauth2_authorization_code ON oauth2_authorization (authorization_code_value);
CREATE INDEX oauth2_authorization_state ON oauth2_authorization (state);
