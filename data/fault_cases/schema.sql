-- Invented inputs for the kinds of faults that masking tools have shipped (no real person).
-- Each table holds the smallest input that shows one or more faults; the masked build and
-- its tests must get every one right. Loaded into schema fault_cases of the demo prod.

-- F01 NULL in, NULL out; F02 '' stays '' (and blanks share no digest); F03 short,
-- punctuation-only and non-ASCII values; F13 tight lengths; F21 case variants of one email;
-- F23 dates near the bounds (a birth two days before the build: a shift must not move it
-- into the future); F24 card numbers; F06/F30 SSNs.
CREATE TABLE fault_cases.people (
    person_id    INTEGER PRIMARY KEY,
    email        VARCHAR(60) UNIQUE,
    phone        VARCHAR(12),
    first_name   VARCHAR(10) NOT NULL,
    last_name    VARCHAR(20) NOT NULL,
    ssn          VARCHAR(11),
    card_number  VARCHAR(19),
    birth_date   DATE,
    death_date   DATE,
    notes        VARCHAR(200),
    salary       DECIMAL(5, 2)
);
INSERT INTO fault_cases.people VALUES
    (1, NULL,                     '',             'Ana',        'O',           '900-55-0001', '4000123456789017',    DATE '2020-12-30', DATE '2021-01-02', NULL,                  999.99),
    (2, 'Ana.Ruiz@Example.TEST',  '',             'Bo',         'Ng',          '900-55-0002', '4000 1234 5678 9025', DATE '1970-01-01', NULL,              '',                     -999.99),
    (3, 'r.holt@example.test',    '555-0142',     'Zoë',        'Ibáñez-Cruz', '900-55-0003', '5500-0000-0000-0004', DATE '1985-06-15', DATE '1985-06-16', 'call me at 555-0142',  0.01),
    (4, 'c.d@y.test',             '555-010-0199', 'Maximilian', '---',         '',            '',                    current_date - 2,  NULL,              'write to a.b@x.test',  NULL),
    (5, 'émile.zola@exemple.test', NULL,          'X',          'Łukasiewicz', NULL,          NULL,                  DATE '2000-02-29', DATE '2000-02-29', NULL,                  500.00);

-- F07 the same email in two tables gets one pseudonym; F21 case variants map to it too;
-- F09 PK and FK masked with one mapping.
CREATE TABLE fault_cases.orders (
    order_id       INTEGER PRIMARY KEY,
    person_id      INTEGER REFERENCES fault_cases.people (person_id),
    billing_email  VARCHAR(60),
    amount         DECIMAL(10, 2)
);
INSERT INTO fault_cases.orders VALUES
    (10, 3, 'r.holt@example.test', 12.50),
    (11, 2, 'ana.ruiz@example.test', 99.99),
    (12, 2, 'ANA.RUIZ@EXAMPLE.TEST', 5.00),
    (13, NULL, NULL, 1.00);

-- F10 composite keys with PII inside, and a natural key built from PII.
CREATE TABLE fault_cases.cards (
    person_id  INTEGER NOT NULL REFERENCES fault_cases.people (person_id),
    pan        VARCHAR(19) NOT NULL,
    holder_key VARCHAR(40) NOT NULL UNIQUE,
    PRIMARY KEY (person_id, pan)
);
INSERT INTO fault_cases.cards VALUES
    (1, '4000123456789017', 'ACME#ana.lima@example.test'),
    (2, '4000123456789025', 'ACME#bo.ng@example.test'),
    (2, '5500000000000004', 'INITECH#bo.ng@example.test');

CREATE TABLE fault_cases.card_txn (
    txn_id     INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL,
    pan        VARCHAR(19) NOT NULL,
    amount     DECIMAL(10, 2) NOT NULL,
    FOREIGN KEY (person_id, pan) REFERENCES fault_cases.cards (person_id, pan)
);
INSERT INTO fault_cases.card_txn VALUES
    (100, 1, '4000123456789017', 10.00),
    (101, 2, '4000123456789025', 20.00),
    (102, 2, '5500000000000004', 30.00),
    (103, 2, '5500000000000004', 40.00);

-- F04 50,000 distinct emails on a UNIQUE column: fakes must not collide.
CREATE TABLE fault_cases.subscribers (
    subscriber_id  INTEGER PRIMARY KEY,
    email          VARCHAR(80) NOT NULL UNIQUE
);
INSERT INTO fault_cases.subscribers
SELECT i, 'subscriber.' || i || '@mail.example.test' FROM range(1, 50001) AS t(i);

-- Dense codes: 300 of the 1,000 three-digit badge codes are in use, so a plain permutation of
-- the codes would give about 90 rows another person's real code. No masked code may equal any
-- raw code, and the column must stay unique.
CREATE TABLE fault_cases.badges (
    badge_id    INTEGER PRIMARY KEY,
    badge_code  VARCHAR(3) NOT NULL UNIQUE
);
INSERT INTO fault_cases.badges
SELECT i, lpad(((i * 7) % 1000)::VARCHAR, 3, '0') FROM range(1, 301) AS t(i);
