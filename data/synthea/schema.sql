-- Synthea (v3.0.0 CSV export, OHDSI dbt-synthea sample) schema for DuckDB, written by the Understudy project.
-- Column names are the original CSV headers, unchanged (mixed/upper case: "Id", "BIRTHDATE", ...).
-- Types follow the column_types of seeds/synthea/_sources.yml in https://github.com/OHDSI/dbt-synthea,
-- except that its `float` (a 4-byte REAL in DuckDB) is DOUBLE here so that no digit of the CSV is lost.
-- Synthea publishes no keys: "Id" is declared as primary key where it exists, and every foreign key
-- below was checked against the data before being declared.
-- The rows are loaded from the CSV files of this folder by understudy.demo_data.build_prod.

CREATE TABLE patients
(
    "Id" VARCHAR NOT NULL PRIMARY KEY,
    "BIRTHDATE" DATE,
    "DEATHDATE" DATE,
    "SSN" VARCHAR,
    "DRIVERS" VARCHAR,
    "PASSPORT" VARCHAR,
    "PREFIX" VARCHAR,
    "FIRST" VARCHAR,
    "LAST" VARCHAR,
    "SUFFIX" VARCHAR,
    "MAIDEN" VARCHAR,
    "MARITAL" VARCHAR,
    "RACE" VARCHAR,
    "ETHNICITY" VARCHAR,
    "GENDER" VARCHAR,
    "BIRTHPLACE" VARCHAR,
    "ADDRESS" VARCHAR,
    "CITY" VARCHAR,
    "STATE" VARCHAR,
    "COUNTY" VARCHAR,
    "ZIP" VARCHAR,
    "LAT" DOUBLE,
    "LON" DOUBLE,
    "HEALTHCARE_EXPENSES" DOUBLE,
    "HEALTHCARE_COVERAGE" DOUBLE
);

CREATE TABLE organizations
(
    "Id" VARCHAR NOT NULL PRIMARY KEY,
    "NAME" VARCHAR,
    "ADDRESS" VARCHAR,
    "CITY" VARCHAR,
    "STATE" VARCHAR,
    "ZIP" VARCHAR,
    "LAT" DOUBLE,
    "LON" DOUBLE,
    "PHONE" VARCHAR,
    "REVENUE" DOUBLE,
    "UTILIZATION" INTEGER
);

CREATE TABLE providers
(
    "Id" VARCHAR NOT NULL PRIMARY KEY,
    "ORGANIZATION" VARCHAR REFERENCES organizations ("Id"),
    "NAME" VARCHAR,
    "GENDER" VARCHAR,
    "SPECIALITY" VARCHAR,
    "ADDRESS" VARCHAR,
    "CITY" VARCHAR,
    "STATE" VARCHAR,
    "ZIP" VARCHAR,
    "LAT" DOUBLE,
    "LON" DOUBLE,
    "UTILIZATION" INTEGER
);

CREATE TABLE payers
(
    "Id" VARCHAR NOT NULL PRIMARY KEY,
    "NAME" VARCHAR,
    "ADDRESS" VARCHAR,
    "CITY" VARCHAR,
    "STATE_HEADQUARTERED" VARCHAR,
    "ZIP" INTEGER,
    "PHONE" VARCHAR,
    "AMOUNT_COVERED" DOUBLE,
    "AMOUNT_UNCOVERED" DOUBLE,
    "REVENUE" DOUBLE,
    "COVERED_ENCOUNTERS" INTEGER,
    "UNCOVERED_ENCOUNTERS" INTEGER,
    "COVERED_MEDICATIONS" INTEGER,
    "UNCOVERED_MEDICATIONS" INTEGER,
    "COVERED_PROCEDURES" INTEGER,
    "UNCOVERED_PROCEDURES" INTEGER,
    "COVERED_IMMUNIZATIONS" INTEGER,
    "UNCOVERED_IMMUNIZATIONS" INTEGER,
    "UNIQUE_CUSTOMERS" INTEGER,
    "QOLS_AVG" DOUBLE,
    "MEMBER_MONTHS" INTEGER
);

CREATE TABLE encounters
(
    "Id" VARCHAR NOT NULL PRIMARY KEY,
    "START" TIMESTAMP,
    "STOP" TIMESTAMP,
    "PATIENT" VARCHAR REFERENCES patients ("Id"),
    "ORGANIZATION" VARCHAR REFERENCES organizations ("Id"),
    "PROVIDER" VARCHAR REFERENCES providers ("Id"),
    "PAYER" VARCHAR REFERENCES payers ("Id"),
    "ENCOUNTERCLASS" VARCHAR,
    "CODE" VARCHAR,
    "DESCRIPTION" VARCHAR,
    "BASE_ENCOUNTER_COST" DOUBLE,
    "TOTAL_CLAIM_COST" DOUBLE,
    "PAYER_COVERAGE" DOUBLE,
    "REASONCODE" VARCHAR,
    "REASONDESCRIPTION" VARCHAR
);

CREATE TABLE conditions
(
    "START" DATE,
    "STOP" DATE,
    "PATIENT" VARCHAR REFERENCES patients ("Id"),
    "ENCOUNTER" VARCHAR REFERENCES encounters ("Id"),
    "CODE" VARCHAR,
    "DESCRIPTION" VARCHAR
);

CREATE TABLE payer_transitions
(
    "PATIENT" VARCHAR REFERENCES patients ("Id"),
    "MEMBERID" VARCHAR,
    "START_YEAR" TIMESTAMP,
    "END_YEAR" TIMESTAMP,
    "PAYER" VARCHAR REFERENCES payers ("Id"),
    "SECONDARY_PAYER" VARCHAR REFERENCES payers ("Id"),
    "OWNERSHIP" VARCHAR,
    "OWNERNAME" VARCHAR
);

CREATE TABLE immunizations
(
    "DATE" TIMESTAMP,
    "PATIENT" VARCHAR REFERENCES patients ("Id"),
    "ENCOUNTER" VARCHAR REFERENCES encounters ("Id"),
    "CODE" VARCHAR,
    "DESCRIPTION" VARCHAR,
    "BASE_COST" DOUBLE
);
