-- One row that /health updates after a write failure (disk full, unwritable file): reads work on a
-- full disk, so only a committed write shows that the database can be used again.
CREATE TABLE health_check (
    id INT PRIMARY KEY,
    checked_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO health_check (id, checked_at) VALUES (1, CURRENT_TIMESTAMP);
