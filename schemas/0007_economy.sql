-- A fund's whole economy. Each new kind of entry is a row of the entry-kind registry
-- (lib/model/entry_kinds.cpp) with its detail table here, covered by the entry's hash
-- like every detail row:
-- - 'income': income other than donations (grants, matching funds, interest, service
--   and sales income, other income): no receipt number, never among donors;
-- - 'opening': a balance brought forward from before cfund (期初余额), money into an
--   account and a designation, or goods into stock; never income;
-- - 'goods_given' and 'goods_sale': goods taken out of stock, given (物资发放) or sold
--   (慈善义卖).
-- Goods are now held in stock: every fund has one account of kind 'goods' (库存物资)
-- and one designation of kind 'goods' (捐赠物资) that goods donations, goods openings
-- and goods given out or sold post to, at their estimated value. Money designations
-- hold money only, so a payment can never be covered by goods. Goods donations
-- recorded before this schema have no postings and stay out of stock, as they were.

-- 1. Accounts and designations of kind 'goods'. SQLite cannot change a CHECK
--    constraint: the tables are rebuilt with the same rows (fund_file.cpp runs every
--    migration with foreign keys off and checks them before committing).
CREATE TABLE accounts_rebuilt (
  id   INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('bank', 'cash', 'wechat', 'alipay', 'other', 'goods'))
);
INSERT INTO accounts_rebuilt (id, code, name, kind) SELECT id, code, name, kind FROM accounts;
DROP TABLE accounts;
ALTER TABLE accounts_rebuilt RENAME TO accounts;

CREATE TABLE designations_rebuilt (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('general', 'special', 'project', 'goods')),
  restricted INTEGER NOT NULL CHECK (restricted IN (0, 1))
);
INSERT INTO designations_rebuilt (id, code, name, kind, restricted)
  SELECT id, code, name, kind, restricted FROM designations;
DROP TABLE designations;
ALTER TABLE designations_rebuilt RENAME TO designations;

-- An existing fund gets its goods account and designation now (a new one gets them
-- from `cfund init`, after its own accounts). The code is 'goods' unless the fund
-- already uses it.
INSERT INTO accounts (code, name, kind)
  SELECT CASE WHEN EXISTS (SELECT 1 FROM accounts WHERE code = 'goods') THEN 'goods-stock' ELSE 'goods' END,
         '库存物资', 'goods'
  WHERE EXISTS (SELECT 1 FROM fund_settings WHERE key = 'name');
INSERT INTO designations (code, name, kind, restricted)
  SELECT CASE WHEN EXISTS (SELECT 1 FROM designations WHERE code = 'goods') THEN 'goods-stock' ELSE 'goods' END,
         '捐赠物资', 'goods', 1
  WHERE EXISTS (SELECT 1 FROM fund_settings WHERE key = 'name');

-- 2. Payments: the categories are the registry's (model/categories.cpp), which adds
--    'fee' (bank fees, counted as management cost). The table is rebuilt without its
--    CHECK on the category, rows and indexes unchanged.
CREATE TABLE disbursements_rebuilt (
  entry_id       INTEGER PRIMARY KEY REFERENCES entries(id),
  category       TEXT NOT NULL,
  amount         INTEGER NOT NULL,
  account_id     INTEGER NOT NULL REFERENCES accounts(id),
  designation_id INTEGER NOT NULL REFERENCES designations(id),
  payee          TEXT,
  purpose        TEXT NOT NULL,
  beneficiary    INTEGER REFERENCES beneficiaries(number),
  voucher        TEXT,
  external_ref   TEXT,
  repeat_reason  TEXT,
  source_line    INTEGER,
  content_key    TEXT
);
INSERT INTO disbursements_rebuilt
  SELECT entry_id, category, amount, account_id, designation_id, payee, purpose, beneficiary, voucher, external_ref,
         repeat_reason, source_line, content_key FROM disbursements;
DROP TABLE disbursements;
ALTER TABLE disbursements_rebuilt RENAME TO disbursements;
CREATE INDEX disbursements_by_beneficiary ON disbursements(beneficiary) WHERE beneficiary IS NOT NULL;
CREATE INDEX disbursements_by_content ON disbursements(content_key) WHERE content_key IS NOT NULL;
CREATE INDEX disbursements_by_account_ref ON disbursements(account_id, external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX disbursements_by_designation ON disbursements(designation_id);

-- 3. Kind 'income'. The kind of income is one of the registry's (model/categories.cpp:
--    grant, matching, interest, service, sales, other). Matching funds name what they
--    match: an entry (matches_entry) or a campaign (matches_campaign, e.g. 99公益日).
CREATE TABLE incomes (
  entry_id         INTEGER PRIMARY KEY REFERENCES entries(id),
  income_kind      TEXT NOT NULL,
  source           TEXT NOT NULL,          -- who paid it: the government office, the bank, the buyer
  amount           INTEGER NOT NULL CHECK (amount > 0),
  account_id       INTEGER NOT NULL REFERENCES accounts(id),
  designation_id   INTEGER NOT NULL REFERENCES designations(id),
  external_ref     TEXT,
  matches_entry    INTEGER REFERENCES entries(id),
  matches_campaign TEXT,
  source_line      INTEGER,                -- imports, as for donations
  content_key      TEXT
);
CREATE INDEX incomes_by_account_ref ON incomes(account_id, external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX incomes_by_content ON incomes(content_key) WHERE content_key IS NOT NULL;

-- 4. Kind 'opening': money brought forward into an account and a designation, or goods
--    into stock (item and quantity set; account and designation are then the goods ones).
CREATE TABLE openings (
  entry_id       INTEGER PRIMARY KEY REFERENCES entries(id),
  amount         INTEGER NOT NULL CHECK (amount > 0),  -- money, or the estimated value of goods
  account_id     INTEGER NOT NULL REFERENCES accounts(id),
  designation_id INTEGER NOT NULL REFERENCES designations(id),
  item           TEXT,
  unit           TEXT,
  quantity       TEXT,                                 -- a positive decimal ("50", "2.5")
  CHECK ((item IS NULL) = (quantity IS NULL))
);

-- 5. Goods out of stock. The value is the stock's estimated value of what left it
--    (its share of the item's value on hand), computed when recorded.
CREATE TABLE goods_given (
  entry_id    INTEGER PRIMARY KEY REFERENCES entries(id),
  item        TEXT NOT NULL,
  unit        TEXT,
  quantity    TEXT NOT NULL,
  value       INTEGER NOT NULL CHECK (value >= 0),
  beneficiary INTEGER REFERENCES beneficiaries(number),  -- given to a person or household (masked like relief)
  project_id  INTEGER REFERENCES designations(id),       -- or to a project
  recipient   TEXT,                                      -- or to a described group (独居老人慰问)
  purpose     TEXT,
  CHECK ((beneficiary IS NOT NULL) + (project_id IS NOT NULL) + (recipient IS NOT NULL) = 1)
);
CREATE INDEX goods_given_by_beneficiary ON goods_given(beneficiary) WHERE beneficiary IS NOT NULL;

CREATE TABLE goods_sales (
  entry_id       INTEGER PRIMARY KEY REFERENCES entries(id),
  item           TEXT NOT NULL,
  unit           TEXT,
  quantity       TEXT NOT NULL,
  value          INTEGER NOT NULL CHECK (value >= 0),  -- the stock's value that left
  amount         INTEGER NOT NULL CHECK (amount > 0),  -- the price received (sales income)
  account_id     INTEGER NOT NULL REFERENCES accounts(id),
  designation_id INTEGER NOT NULL REFERENCES designations(id),
  buyer          TEXT,
  external_ref   TEXT
);

CREATE INDEX donations_goods ON donations(item) WHERE form = 'goods';
