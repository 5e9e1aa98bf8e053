-- Statement imports that book more than donations and payments, and beneficiary
-- registers that are imported again.
--
-- 1. Kind 'transfer' gets a detail table. A transfer appears on the statements of both
--    of its accounts (cash deposited: the bank's statement shows it, and so may the cash
--    book); an import must recognise a transfer it booked before (by the statement's
--    transaction number or, without one, by the row's content key) and one recorded by
--    hand or from the other account's statement (by amount, date and the two accounts).
--    statement_account_id is the account whose statement the row came from: its
--    external_ref is a number of that statement. `cfund transfer` leaves both NULL.
--    Transfers recorded before this schema have no detail row: their hashes were made
--    without one, and the journal's encoding leaves out an empty detail (the registry
--    marks the detail of kind 'transfer' optional).
CREATE TABLE transfers (
  entry_id             INTEGER PRIMARY KEY REFERENCES entries(id),
  amount               INTEGER NOT NULL CHECK (amount > 0),
  from_account_id      INTEGER NOT NULL REFERENCES accounts(id),
  to_account_id        INTEGER NOT NULL REFERENCES accounts(id),
  statement_account_id INTEGER REFERENCES accounts(id),
  external_ref         TEXT,
  source_line          INTEGER,
  content_key          TEXT,
  CHECK (from_account_id <> to_account_id)
);
CREATE INDEX transfers_by_statement_ref ON transfers(statement_account_id, external_ref)
  WHERE external_ref IS NOT NULL;
CREATE INDEX transfers_by_content ON transfers(content_key) WHERE content_key IS NOT NULL;
CREATE INDEX transfers_by_accounts ON transfers(from_account_id, to_account_id, amount);

-- 2. Kind 'beneficiary_update': a registered beneficiary's new phone or address, or the
--    ID number of one registered without it (`cfund beneficiary update`, and `cfund
--    beneficiary import` of a register that knows the person by ID number, or by name
--    and phone, with other details). A column is NULL when it did not change; an ID
--    number, once known, never changes. The current details are the latest update's,
--    else the registration's. Private, like the registration.
CREATE TABLE beneficiary_updates (
  entry_id  INTEGER PRIMARY KEY REFERENCES entries(id),
  number    INTEGER NOT NULL REFERENCES beneficiaries(number),
  id_number TEXT UNIQUE,
  phone     TEXT,
  address   TEXT,
  CHECK (id_number IS NOT NULL OR phone IS NOT NULL OR address IS NOT NULL)
);
CREATE INDEX beneficiary_updates_by_number ON beneficiary_updates(number, entry_id);
