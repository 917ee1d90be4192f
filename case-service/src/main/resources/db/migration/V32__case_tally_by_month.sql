-- The statistics of a period read the county tally (V4) by month: a province has one deployment, so every county
-- matches its region and the key's leading county narrows nothing. Without an index on the month, each request read
-- the tally of every year the province has kept (about 25,000 rows a year), and grew with its history rather than
-- with the period asked for (./suite bench --growth, docs/performance.md).
CREATE INDEX IF NOT EXISTS case_tally_month ON case_tally (month);
