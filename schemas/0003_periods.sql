-- Closing a period (结账). Closing is itself a journal entry of kind 'period_close'
-- (so it is covered by the hash chain); its detail row holds the last closed month.
-- Every month up to and including `through` is closed: books::append_entry refuses
-- any later entry dated on or before the last day of that month.

CREATE TABLE period_closes (
  entry_id INTEGER PRIMARY KEY REFERENCES entries(id),
  through  TEXT NOT NULL CHECK (through GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]')  -- 'YYYY-MM'
);
