-- Expired sessions are deleted at each sign-in (SessionRepository.purgeExpired): by expiry time.
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
