-- Sign-in and sign-up limits: one counter row per key, changed only by conditional UPDATEs that hold
-- the row's lock (LoginThrottle), so parallel requests on any number of servers cannot overshoot.
-- Replaces login_failures (one row per failure, counted and then inserted in separate statements).
-- Plain SQL that runs on H2 and PostgreSQL.

DROP TABLE login_failures;

CREATE TABLE signin_limits (
    kind          VARCHAR(10)  NOT NULL,     -- 'pair' (account + address), 'account', 'address', 'signup' (per address)
    username      VARCHAR(200) NOT NULL,     -- '' for 'address' and 'signup'
    address       VARCHAR(100) NOT NULL,     -- '' for 'account'
    attempts      INT          NOT NULL DEFAULT 0,
    window_ends   TIMESTAMP WITH TIME ZONE,  -- attempts count from 0 again after this; NULL: no window open
    blocked_until TIMESTAMP WITH TIME ZONE,  -- 'pair' only: no attempt before this (the growing delay)
    known_until   TIMESTAMP WITH TIME ZONE,  -- 'pair' only: the owner signed in from this address; exempt until then
    PRIMARY KEY (kind, username, address)
);
