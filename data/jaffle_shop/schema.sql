-- jaffle_shop schema for DuckDB, written by the Understudy project.
-- The upstream project (https://github.com/dbt-labs/jaffle_shop, Apache-2.0) ships these tables as
-- dbt seeds without DDL; types follow etc/dbdiagram_definition.txt (int / varchar / date), keys follow
-- its Ref: lines plus the unique/not_null tests of its models (payments.id is unique in the data).
-- payments.amount is in cents. The rows are loaded from raw_*.csv by understudy.demo_data.build_prod.

CREATE TABLE customers
(
    id INTEGER NOT NULL PRIMARY KEY,
    first_name VARCHAR,
    last_name VARCHAR
);

CREATE TABLE orders
(
    id INTEGER NOT NULL PRIMARY KEY,
    user_id INTEGER REFERENCES customers (id),
    order_date DATE,
    status VARCHAR
);

CREATE TABLE payments
(
    id INTEGER NOT NULL PRIMARY KEY,
    order_id INTEGER REFERENCES orders (id),
    payment_method VARCHAR,
    amount INTEGER
);
