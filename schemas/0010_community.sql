-- The community side of a fund, which its notices boast of and no bookkeeping tool
-- records: households and the people in them, micro-wishes (微心愿) from posting to
-- fulfilment, volunteers and their hours (志愿服务), credit points redeemed (积分兑换)
-- and the consent to be named among the year's top contributors. Each table is the
-- detail table of one kind of entry (lib/model/entry_kinds.cpp), covered by the
-- entry's hash like every detail row. None of these entries has postings: they never
-- change a money total or a ratio. Points earned are not stored: they follow from the
-- donations and the service hours by the fund's [points] rules (lib/books/points.cpp).
-- (Schemas 8 and 9 are other changes made at the same time; migrations run in order.)

-- Kind 'household': a household (家庭户) that beneficiaries may belong to, so that a
-- notice counts the households helped as well as the people. Name and address are
-- private, like a beneficiary's.
CREATE TABLE households (
  entry_id INTEGER PRIMARY KEY REFERENCES entries(id),
  number   INTEGER NOT NULL UNIQUE,      -- what the command line uses: H0001
  name     TEXT NOT NULL,                -- 王秀英家
  address  TEXT
);

-- Kind 'household_member': a beneficiary belongs to a household from this entry on; a
-- later entry for the same beneficiary moves them. A beneficiary in no household counts
-- as a household of one.
CREATE TABLE household_members (
  entry_id    INTEGER PRIMARY KEY REFERENCES entries(id),
  household   INTEGER NOT NULL REFERENCES households(number),
  beneficiary INTEGER NOT NULL REFERENCES beneficiaries(number)
);
CREATE INDEX household_members_by_beneficiary ON household_members(beneficiary, entry_id);

-- Kind 'wish': a micro-wish posted by a resident or a grid worker (a schoolbag, a
-- wheelchair, a repaired water pipe), for a registered beneficiary (masked in notices
-- like relief), for a described person or group, or for no one in particular. The
-- estimate is what it is thought to cost: never money in the books.
CREATE TABLE wishes (
  entry_id    INTEGER PRIMARY KEY REFERENCES entries(id),
  number      INTEGER NOT NULL UNIQUE,   -- W0001
  title       TEXT NOT NULL,
  category    TEXT NOT NULL,             -- 学习用品, 助老助残, 居家维修, ...
  estimate    INTEGER NOT NULL CHECK (estimate >= 0),
  beneficiary INTEGER REFERENCES beneficiaries(number),
  recipient   TEXT,
  posted_by   TEXT,                      -- the grid worker (网格员) who posted it
  CHECK (beneficiary IS NULL OR recipient IS NULL)
);

-- Kind 'wish_step': open → claimed (by a donor) → fulfilled (by a donation, goods given
-- out or a payment, named by its entry), or cancelled before it is fulfilled. The
-- reason of a cancellation is the entry's reason.
CREATE TABLE wish_steps (
  entry_id     INTEGER PRIMARY KEY REFERENCES entries(id),
  wish         INTEGER NOT NULL REFERENCES wishes(number),
  from_status  TEXT NOT NULL,
  to_status    TEXT NOT NULL CHECK (to_status IN ('claimed', 'fulfilled', 'cancelled')),
  donor_id     INTEGER REFERENCES donors(id),
  donor_name   TEXT,
  anonymous    INTEGER CHECK (anonymous IN (0, 1)),
  fulfilled_by INTEGER REFERENCES entries(id),
  CHECK ((to_status = 'claimed') = (donor_name IS NOT NULL)),
  CHECK ((to_status = 'fulfilled') = (fulfilled_by IS NOT NULL))
);
CREATE INDEX wish_steps_by_wish ON wish_steps(wish, entry_id);

-- Kind 'volunteer': a volunteer (志愿者). The phone is private, like a beneficiary's.
CREATE TABLE volunteers (
  entry_id INTEGER PRIMARY KEY REFERENCES entries(id),
  number   INTEGER NOT NULL UNIQUE,      -- V0001
  name     TEXT NOT NULL,
  phone    TEXT
);

-- Kind 'service': hours a volunteer served on the entry's date, in hundredths of an
-- hour (1.5 hours = 150), at an activity, perhaps for a project. No one serves more
-- than 24 hours a day (books/volunteers.cpp). A row from a sign-in sheet keeps the
-- sheet's SHA-256 and line, and a content key that recognises it when the sheet is
-- imported again.
CREATE TABLE services (
  entry_id    INTEGER PRIMARY KEY REFERENCES entries(id),
  volunteer   INTEGER NOT NULL REFERENCES volunteers(number),
  hours       INTEGER NOT NULL CHECK (hours > 0 AND hours <= 2400),
  activity    TEXT NOT NULL,
  project_id  INTEGER REFERENCES designations(id),
  source_file TEXT,
  source_line INTEGER,
  content_key TEXT
);
CREATE INDEX services_by_volunteer ON services(volunteer, entry_id);
CREATE INDEX services_by_content ON services(content_key) WHERE content_key IS NOT NULL;

-- Kind 'points_redemption': credit points (积分) a person redeems for a service or
-- goods. Points are kept by the person's name (a donor's or a volunteer's); never
-- beyond the balance on that day.
CREATE TABLE points_redemptions (
  entry_id INTEGER PRIMARY KEY REFERENCES entries(id),
  holder   TEXT NOT NULL,
  points   INTEGER NOT NULL CHECK (points > 0),
  purpose  TEXT NOT NULL
);
CREATE INDEX points_redemptions_by_holder ON points_redemptions(holder, entry_id);

-- Kind 'consent': a person agrees (public = 1) or no longer agrees (0) to be named
-- among the year's top contributors in notices. The latest entry holds.
CREATE TABLE consents (
  entry_id INTEGER PRIMARY KEY REFERENCES entries(id),
  holder   TEXT NOT NULL,
  public   INTEGER NOT NULL CHECK (public IN (0, 1))
);
CREATE INDEX consents_by_holder ON consents(holder, entry_id);
