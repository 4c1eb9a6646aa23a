-- Two quoted-identifier tables of the Neosync test fixture "edgecases" for DuckDB, converted by the
-- Understudy project from internal/testutil/testdata/postgres/edgecases/create-tables.sql of
-- https://github.com/nucleuscloud/neosync (MIT, see LICENSE.md). Only "BadName" and "Bad Name 123!@#"
-- are taken (the circular addresses/customers/orders and company/department/... tables are not):
--   * "ID" BIGINT GENERATED ALWAYS AS IDENTITY -> BIGINT, "ID" SERIAL -> INTEGER, with explicit
--     values 1..5 in insertion order (what PostgreSQL would have generated);
--   * the uuid-ossp extension is dropped (unused by these two tables); text, UNIQUE and the
--     foreign key to the unique "BadName"."NAME" column kept.

CREATE TABLE "BadName" (
    "ID" BIGINT PRIMARY KEY,
    "NAME" text UNIQUE
);

INSERT INTO "BadName" ("ID", "NAME")
VALUES
    (1, 'Xk7pQ9nM3v'),
    (2, 'Rt5wLjH2yB'),
    (3, 'Zc8fAe4dN6'),
    (4, 'Ym9gKu3sW5'),
    (5, 'Vb4nPx7tJ2');

CREATE TABLE "Bad Name 123!@#" (
    "ID" INTEGER PRIMARY KEY,
    "NAME" text REFERENCES "BadName" ("NAME")
);

INSERT INTO "Bad Name 123!@#" ("ID", "NAME")
VALUES
    (1, 'Xk7pQ9nM3v'),
    (2, 'Rt5wLjH2yB'),
    (3, 'Zc8fAe4dN6'),
    (4, 'Ym9gKu3sW5'),
    (5, 'Vb4nPx7tJ2');
