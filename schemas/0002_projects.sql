-- Public-benefit projects (公益项目). A project is a designation (kind 'project',
-- restricted) plus the journal entries that tell its story: its proposal, each change
-- of stage (the evaluation included) and each amendment of its budget. Its current
-- stage and budget are derived from those entries; nothing here is ever updated.
-- Every table below is the detail table of one kind of entry (keyed by entry_id) and
-- is covered by the entry's hash (lib/books/journal.cpp).

-- Kind 'project': a project is proposed (居民点单). Its stage is then 'proposed'.
CREATE TABLE projects (
  entry_id       INTEGER PRIMARY KEY REFERENCES entries(id),
  designation_id INTEGER NOT NULL UNIQUE REFERENCES designations(id),
  code           TEXT NOT NULL UNIQUE,   -- as in designations, so that the chain covers it
  name           TEXT NOT NULL,
  category       TEXT NOT NULL,          -- 扶贫济困, 教科文卫体, ... (fund_settings.project_categories adds more)
  budget         INTEGER NOT NULL CHECK (budget > 0),  -- fen, as proposed
  proposer       TEXT NOT NULL,          -- who asked for it (residents, a building, a group)
  implementer    TEXT,                   -- the social organisation that carries it out
  description    TEXT,
  planned_start  TEXT,
  planned_end    TEXT
);

-- Kind 'project_stage': one step of the lifecycle. The decision number, the reason
-- and the note are the entry's approval_ref, reason and memo. An evaluation is the
-- step to 'evaluated' and carries its summary, people served and score. A step that
-- ends a project holding money names the reallocation entry that moved the remainder.
CREATE TABLE project_stages (
  entry_id         INTEGER PRIMARY KEY REFERENCES entries(id),
  designation_id   INTEGER NOT NULL REFERENCES designations(id),
  from_stage       TEXT NOT NULL,
  to_stage         TEXT NOT NULL CHECK (to_stage IN ('under_review', 'approved', 'rejected', 'in_progress',
                                                     'completed', 'evaluated', 'closed', 'cancelled')),
  summary          TEXT,
  people_served    INTEGER CHECK (people_served >= 0),
  score            INTEGER CHECK (score BETWEEN 1 AND 5),
  remainder_entry  INTEGER REFERENCES entries(id),
  CHECK ((to_stage = 'evaluated') = (summary IS NOT NULL AND people_served IS NOT NULL AND score IS NOT NULL))
);
CREATE INDEX project_stages_by_project ON project_stages(designation_id, entry_id);

-- Kind 'project_budget': the council amends the budget (decision number and reason
-- in the entry).
CREATE TABLE project_budgets (
  entry_id        INTEGER PRIMARY KEY REFERENCES entries(id),
  designation_id  INTEGER NOT NULL REFERENCES designations(id),
  previous_budget INTEGER NOT NULL,
  budget          INTEGER NOT NULL CHECK (budget > 0)
);
CREATE INDEX project_budgets_by_project ON project_budgets(designation_id, entry_id);
