-- Every fact a notice shows or a rule reads is on the hash chain. The fund's settings,
-- its accounts and designations (opened, renamed, closed) and its donors' kinds change
-- only through entries of kind 'registry' (lib/model/entry_kinds.cpp), each stating one
-- or more facts: the detail rows below, covered by the entry's hash like any detail row.
-- The tables fund_settings, accounts, designations and donors become what the chain
-- says, kept in step by cfund in the same transaction as the entry, and checked
-- against the chain by `cfund audit` (REGISTRY). A fund from before this schema
-- states its current values in one registry entry the first time cfund opens it.

CREATE TABLE registry_facts (
  entry_id   INTEGER NOT NULL REFERENCES entries(id),
  seq        INTEGER NOT NULL,                   -- the fact's place in its entry
  subject    TEXT NOT NULL CHECK (subject IN ('setting', 'account', 'designation', 'donor')),
  subject_id INTEGER,                            -- accounts.id, designations.id, donors.id; NULL for a setting
  field      TEXT NOT NULL,                      -- a setting's key; code, name, kind, restricted, closed_on
  value      TEXT NOT NULL,
  PRIMARY KEY (entry_id, seq)
) WITHOUT ROWID;
CREATE INDEX registry_facts_by_subject ON registry_facts(subject, subject_id, field, entry_id);

-- A closed account or designation takes no more entries (the date it was closed).
ALTER TABLE accounts ADD COLUMN closed_on TEXT;
ALTER TABLE designations ADD COLUMN closed_on TEXT;

-- The donor's kind (individual, organisation) as given with each gift: on the chain.
ALTER TABLE donations ADD COLUMN donor_kind TEXT;
