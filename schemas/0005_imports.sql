-- Statement imports (donate import / disburse import). The rows a statement adds
-- are ordinary donation or disbursement entries, recorded one after another in one
-- transaction; then one entry of kind 'import' records which file they came from
-- (its SHA-256) and the range of entries it added. Every column here is covered by
-- the chain, like any detail row.

CREATE TABLE imports (
  entry_id      INTEGER PRIMARY KEY REFERENCES entries(id),
  target        TEXT NOT NULL CHECK (target IN ('donations', 'disbursements')),
  file_name     TEXT NOT NULL,             -- the file's name, without its folder
  file_sha256   TEXT NOT NULL,             -- of the file's bytes
  profile       TEXT NOT NULL,             -- "wechat", "alipay", "bank", "cfund" or a profile file's name
  first_entry   INTEGER NOT NULL,          -- the entries this import added: first_entry..last_entry
  last_entry    INTEGER NOT NULL,
  rows_added    INTEGER NOT NULL,
  rows_present  INTEGER NOT NULL,          -- skipped: already in the books (same reference, or same content)
  rows_filtered INTEGER NOT NULL           -- left out by the profile (refunds, other direction, ...)
);
CREATE INDEX imports_by_sha256 ON imports(file_sha256);

-- Where an imported row came from. The transaction number is external_ref; rows
-- without one are recognised by content_key (date, amount, counterparty, note,
-- account), counted so that two identical gifts on one day stay two.
ALTER TABLE donations ADD COLUMN source_line INTEGER;
ALTER TABLE donations ADD COLUMN content_key TEXT;
CREATE INDEX donations_by_content ON donations(content_key) WHERE content_key IS NOT NULL;
DROP INDEX donations_by_ref;  -- the index below serves the same lookups, with the account
CREATE INDEX donations_by_account_ref ON donations(account_id, external_ref) WHERE external_ref IS NOT NULL;

ALTER TABLE disbursements ADD COLUMN source_line INTEGER;
ALTER TABLE disbursements ADD COLUMN content_key TEXT;
CREATE INDEX disbursements_by_content ON disbursements(content_key) WHERE content_key IS NOT NULL;
CREATE INDEX disbursements_by_account_ref ON disbursements(account_id, external_ref) WHERE external_ref IS NOT NULL;
