-- PostgreSQL Anonymizer how-to tables for DuckDB, converted by the Understudy project from
-- howto_tables.sql (the CREATE/INSERT code blocks of docs/how-to/1-4*.md in
-- https://gitlab.com/dalibo/postgresql_anonymizer, PostgreSQL Licence, see LICENSE.md):
--   * SERIAL -> INTEGER (the rows carry explicit ids); TEXT, INT, DATE, BOOLEAN kept;
--   * JSONB -> JSON; CHECK (x = ANY(ARRAY[...])) -> CHECK (x IN (...));
--   * E'Johnny\'s ...' -> 'Johnny''s ...'; the DROP TABLE statements are left out.
-- website_comment and employee are filled from website_comment.tsv and employee.tsv
-- by understudy.demo_data.build_prod.

-- 1-static_masking.md
CREATE TABLE customer (
    id INTEGER PRIMARY KEY,
    firstname TEXT,
    lastname TEXT,
    phone TEXT,
    birth DATE,
    postcode TEXT
);

INSERT INTO customer
VALUES
(107,'Sarah','Conor','060-911-0911', '1965-10-10', '90016'),
(258,'Luke', 'Skywalker', NULL, '1951-09-25', '90120'),
(341,'Don', 'Draper','347-515-3423', '1926-06-01', '04520')
;

CREATE TABLE payout (
    id INTEGER PRIMARY KEY,
    fk_customer_id INT REFERENCES customer(id),
    order_date DATE,
    payment_date DATE,
    amount INT
);

INSERT INTO payout
VALUES
(1,107,'2021-10-01','2021-10-01', '7'),
(2,258,'2021-10-02','2021-10-03', '20'),
(3,341,'2021-10-02','2021-10-02', '543'),
(4,258,'2021-10-05','2021-10-05', '12'),
(5,258,'2021-10-06','2021-10-06', '92')
;

-- 2-dynamic_masking.md
CREATE TABLE company (
    id INTEGER PRIMARY KEY,
    name TEXT,
    vat_id TEXT UNIQUE
);

INSERT INTO company
VALUES
(952,'Shadrach', 'FR62684255667'),
(194,'Johnny''s Shoe Store','CHE670945644'),
(346,'Capitol Records','GB663829617823')
;

CREATE TABLE supplier (
    id INTEGER PRIMARY KEY,
    fk_company_id INT REFERENCES company(id),
    contact TEXT,
    phone TEXT,
    job_title TEXT
);

INSERT INTO supplier
VALUES
(299,194,'Johnny Ryall','597-500-569','CEO'),
(157,346,'George Clinton', '131-002-530','Sales manager')
;

-- 3-anonymous_dumps.md
CREATE TABLE website_comment (
  id INTEGER PRIMARY KEY,
  message JSON
);

-- 4-generalization.md
CREATE TABLE employee (
  id INT PRIMARY KEY,
  full_name  TEXT,
  first_day DATE, last_day DATE,
  height INT,
  hair TEXT, eyes TEXT, size TEXT,
  asthma BOOLEAN,
  CHECK(hair IN ('bald','blond','dark','red')),
  CHECK(eyes IN ('blue','green','brown')),
  CHECK(size IN ('S','M','L','XL','XXL'))
);
