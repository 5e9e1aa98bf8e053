-- Publications (公示记录): each published notice is a journal entry of kind
-- 'publication' (no postings), so later notices know what was published, from
-- which state of the books (cutoff_entry) and under which verification code.
-- (0002 and 0003 are other migrations written in parallel.)

CREATE TABLE publications (
  entry_id     INTEGER PRIMARY KEY REFERENCES entries(id),
  period_label TEXT NOT NULL,              -- "2025-03", "2025-Q1", "2025", "FROM..TO"
  first_date   TEXT NOT NULL,              -- the period's first day
  last_date    TEXT NOT NULL,              -- the period's last day
  cutoff_entry INTEGER NOT NULL,           -- the last entry the notice counts (0: none)
  code         TEXT NOT NULL,              -- the verification code printed on it
  formats      TEXT NOT NULL               -- "md,csv,html,wechat,txt"
);
CREATE INDEX publications_by_period ON publications(first_date, last_date);
