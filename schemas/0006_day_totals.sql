-- Speed for large funds (issue 7). Nothing here changes what the books say.
--
-- 1. entries without the UNIQUE index on hash. A hash is a random 64-hex key, so every
--    insert landed at a random place of a large B-tree; nothing looks entries up by
--    hash (the chain is checked in id order). The index on voids_entry becomes partial:
--    only voids are in it, not every entry's NULL.
--    SQLite cannot drop a column constraint, so the table is rebuilt; fund_file.cpp
--    runs every migration with foreign keys off and checks them before committing.
CREATE TABLE entries_rebuilt (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL,
  date         TEXT NOT NULL,             -- the day it happened
  recorded_at  TEXT NOT NULL,             -- when it was recorded
  operator     TEXT NOT NULL,             -- who recorded it
  memo         TEXT,
  approval_ref TEXT,                      -- council decision number (决议编号)
  reason       TEXT,
  voids_entry  INTEGER REFERENCES entries(id),
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL
);
INSERT INTO entries_rebuilt (id, kind, date, recorded_at, operator, memo, approval_ref, reason, voids_entry, prev_hash, hash)
  SELECT id, kind, date, recorded_at, operator, memo, approval_ref, reason, voids_entry, prev_hash, hash FROM entries;
DROP TABLE entries;
ALTER TABLE entries_rebuilt RENAME TO entries;
CREATE INDEX entries_by_date ON entries(date);
CREATE INDEX entries_by_kind ON entries(kind, date);
CREATE UNIQUE INDEX entries_by_voided ON entries(voids_entry) WHERE voids_entry IS NOT NULL;

-- 2. The postings summed per account or designation and day. Derived from the
--    postings, not part of the journal: books::JournalAppender adds to it in the same
--    transaction as the entries it appends, and `cfund audit` recomputes it from the
--    postings (DAY_TOTALS). Balances, overdraft checks and a notice's opening and
--    closing balances read a few hundred days here instead of every posting.
CREATE TABLE day_totals (
  side      TEXT NOT NULL CHECK (side IN ('account', 'designation')),
  target_id INTEGER NOT NULL,              -- accounts.id or designations.id
  date      TEXT NOT NULL,                 -- entries.date
  amount    INTEGER NOT NULL,              -- the sum of the postings, signed as in postings
  PRIMARY KEY (side, target_id, date)
) WITHOUT ROWID;
INSERT INTO day_totals (side, target_id, date, amount)
  SELECT 'account', p.account_id, e.date, SUM(p.amount) FROM postings p JOIN entries e ON e.id = p.entry_id
  WHERE p.account_id IS NOT NULL GROUP BY p.account_id, e.date;
INSERT INTO day_totals (side, target_id, date, amount)
  SELECT 'designation', p.designation_id, e.date, SUM(p.amount) FROM postings p JOIN entries e ON e.id = p.entry_id
  WHERE p.designation_id IS NOT NULL GROUP BY p.designation_id, e.date;

-- 3. Indexes for the notice: the names it must mask (anonymous donors), and a
--    project's spending.
CREATE INDEX donations_by_anonymous_name ON donations(donor_name) WHERE anonymous = 1;
CREATE INDEX disbursements_by_designation ON disbursements(designation_id);
