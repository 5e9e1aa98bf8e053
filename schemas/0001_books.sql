-- The books of one fund: settings, accounts, designations, the journal and its
-- postings, and the detail rows of each kind of entry.
-- Money is INTEGER fen. Dates are TEXT 'YYYY-MM-DD'; times are ISO 8601 with offset.
-- The journal (entries, postings and the detail tables keyed by entry_id) is
-- append-only: cfund never updates or deletes those rows, and every row is covered
-- by the entry's hash (see lib/books/journal.cpp).

CREATE TABLE fund_settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Where money physically sits.
CREATE TABLE accounts (
  id   INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('bank', 'cash', 'wechat', 'alipay', 'other'))
);

-- What money may be used for. 'general' is unrestricted; the others are restricted.
CREATE TABLE designations (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('general', 'special', 'project')),
  restricted INTEGER NOT NULL CHECK (restricted IN (0, 1))
);

CREATE TABLE entries (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL,
  date         TEXT NOT NULL,             -- the day it happened
  recorded_at  TEXT NOT NULL,             -- when it was recorded
  operator     TEXT NOT NULL,             -- who recorded it
  memo         TEXT,
  approval_ref TEXT,                      -- council decision number (决议编号)
  reason       TEXT,
  voids_entry  INTEGER UNIQUE REFERENCES entries(id),
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL UNIQUE
);
CREATE INDEX entries_by_date ON entries(date);
CREATE INDEX entries_by_kind ON entries(kind, date);

-- Debit positive, credit negative; the postings of an entry sum to zero.
-- An account's balance is the sum of its postings; a designation's is minus the sum.
CREATE TABLE postings (
  entry_id       INTEGER NOT NULL REFERENCES entries(id),
  seq            INTEGER NOT NULL,
  account_id     INTEGER REFERENCES accounts(id),
  designation_id INTEGER REFERENCES designations(id),
  amount         INTEGER NOT NULL,
  PRIMARY KEY (entry_id, seq),
  CHECK ((account_id IS NULL) <> (designation_id IS NULL))
) WITHOUT ROWID;
CREATE INDEX postings_by_account ON postings(account_id, entry_id) WHERE account_id IS NOT NULL;
CREATE INDEX postings_by_designation ON postings(designation_id, entry_id) WHERE designation_id IS NOT NULL;

-- The donor registry: contact data, not part of the journal.
CREATE TABLE donors (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL UNIQUE,
  kind  TEXT NOT NULL CHECK (kind IN ('individual', 'organisation')),
  phone TEXT,
  note  TEXT
);

CREATE TABLE donations (
  entry_id       INTEGER PRIMARY KEY REFERENCES entries(id),
  receipt_year   INTEGER NOT NULL,
  receipt_seq    INTEGER NOT NULL,
  donor_id       INTEGER REFERENCES donors(id),
  donor_name     TEXT NOT NULL,           -- as given when recorded
  anonymous      INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
  form           TEXT NOT NULL CHECK (form IN ('money', 'goods')),
  amount         INTEGER NOT NULL,        -- money, or the estimated value of goods
  account_id     INTEGER REFERENCES accounts(id),
  designation_id INTEGER NOT NULL REFERENCES designations(id),
  item           TEXT,
  quantity       TEXT,
  unit           TEXT,
  external_ref   TEXT,                    -- bank / WeChat Pay transaction number
  UNIQUE (receipt_year, receipt_seq)
);
CREATE INDEX donations_by_ref ON donations(external_ref) WHERE external_ref IS NOT NULL;

-- The host organisation's official receipt number, recorded when it arrives.
CREATE TABLE host_receipts (
  entry_id          INTEGER PRIMARY KEY REFERENCES entries(id),
  donation_entry_id INTEGER NOT NULL REFERENCES donations(entry_id),
  number            TEXT NOT NULL
);
CREATE INDEX host_receipts_by_donation ON host_receipts(donation_entry_id);

-- People and households helped. Private: never shown in full in a notice.
-- Registering one is a journal entry, so the registry is covered by the chain.
CREATE TABLE beneficiaries (
  entry_id  INTEGER PRIMARY KEY REFERENCES entries(id),
  number    INTEGER NOT NULL UNIQUE,     -- what the command line uses: B0001
  name      TEXT NOT NULL,
  id_number TEXT UNIQUE,
  phone     TEXT,
  address   TEXT,
  category  TEXT NOT NULL               -- 困难学生, 独居老人, 隐形困难人群, ...
);

CREATE TABLE disbursements (
  entry_id       INTEGER PRIMARY KEY REFERENCES entries(id),
  category       TEXT NOT NULL CHECK (category IN ('relief', 'project', 'management', 'fundraising')),
  amount         INTEGER NOT NULL,
  account_id     INTEGER NOT NULL REFERENCES accounts(id),
  designation_id INTEGER NOT NULL REFERENCES designations(id),
  payee          TEXT,
  purpose        TEXT NOT NULL,
  beneficiary    INTEGER REFERENCES beneficiaries(number),
  voucher        TEXT,
  external_ref   TEXT,
  repeat_reason  TEXT                     -- why a repeated relief was allowed
);
CREATE INDEX disbursements_by_beneficiary ON disbursements(beneficiary) WHERE beneficiary IS NOT NULL;
