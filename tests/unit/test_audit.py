"""The lineage audit catches every way a tagged column can reach an output unmasked, and passes
models that read only masked models or mask what they read."""

from __future__ import annotations

import pytest

from understudy.audit import Catalog, audit_sql

SRC = ("prod", "crm", "customers")
MASKED = ("staging", "crm", "customers")


@pytest.fixture
def catalog() -> Catalog:
    cols = {"id": "integer", "email": "varchar", "first": "varchar", "last": "varchar",
            "ssn": "varchar", "tier": "varchar"}
    return Catalog(
        source_classes={SRC: {"id": "identifier", "email": "email", "first": "first_name",
                              "last": "last_name", "ssn": "national_id", "tier": "public"}},
        masked={MASKED},
        columns={SRC: cols, MASKED: cols, ("prod", "crm", "orders"): {"id": "integer", "customer_id": "integer"}},
    )


LEAKS = {
    "direct select": ("select email as contact from prod.crm.customers", "contact", "crm.customers.email"),
    "select star": ("select * from prod.crm.customers", "email", "crm.customers.email"),
    "cte": ("with c as (select email from prod.crm.customers) select email as contact from c", "contact", "crm.customers.email"),
    "subquery": ("select contact from (select email as contact from prod.crm.customers) s", "contact", "crm.customers.email"),
    "join": ("select m.id, p.ssn from staging.crm.customers m join prod.crm.customers p on m.id = p.id", "ssn", "crm.customers.ssn"),
    "union": ("select tier as x from staging.crm.customers union all select email from prod.crm.customers", "x", "crm.customers.email"),
    "window": ("select first_value(email) over (partition by tier order by id) as e from prod.crm.customers", "e", "crm.customers.email"),
    "lower": ("select lower(email) as e from prod.crm.customers", "e", "crm.customers.email"),
    "concat": ("select first || ' ' || last as full_name from prod.crm.customers", "full_name", "crm.customers.first"),
    "substr": ("select substr(ssn, 1, 3) as area from prod.crm.customers", "area", "crm.customers.ssn"),
    "a helper that does not mask": ("select us_normalize('email', email) as e from prod.crm.customers", "e", "crm.customers.email"),
    "date arithmetic": ("select first || '' as f, cast(ssn as varchar) || us_shift_days('x', id, 3) as s from prod.crm.customers", "s", "crm.customers.ssn"),
    "cte and concat": ("with p as (select first, last from prod.crm.customers) select p.first || ' ' || p.last as contact from p",
                       "contact", "crm.customers.last"),
}


@pytest.mark.parametrize("name", sorted(LEAKS))
def test_each_leak_is_caught_with_its_path(catalog, name):
    sql, column, source = LEAKS[name]
    leaks = audit_sql("marts.m", sql, catalog)
    assert any(leak.column == column and leak.path[-1] == source and leak.reason == "no mask" for leak in leaks), leaks
    assert any(str(leak) == f"marts.m.{column} <- {source} (no mask)" for leak in leaks)


@pytest.mark.parametrize("sql", [
    "select id, email, first || ' ' || last as name from staging.crm.customers",          # reads the masked model
    "select tier, count(*) as n from prod.crm.customers group by tier",                   # a public column
    "select us_fake('email', email, 'email', 60, 'x') as e from prod.crm.customers",       # masked on the way
    "with c as (select * from staging.crm.customers) select c.email, c.tier from c",     # select * of a masked model
])
def test_clean_models_pass(catalog, sql):
    assert audit_sql("marts.ok", sql, catalog) == []


def test_a_leak_through_another_downstream_model_shows_the_whole_path(catalog):
    first = audit_sql("marts.a", "select email as contact from prod.crm.customers", catalog)
    catalog.tainted[("staging", "marts", "a")] = {"contact": first}
    catalog.columns[("staging", "marts", "a")] = {"contact": "varchar"}
    leaks = audit_sql("marts.b", "select upper(contact) as c from staging.marts.a", catalog)
    assert [str(x) for x in leaks] == ["marts.b.c <- marts.a.contact <- crm.customers.email (no mask)"]


def test_unparseable_sql_fails_closed(catalog):
    leaks = audit_sql("marts.bad", "select email from prod.crm.customers where (", catalog)
    assert leaks and leaks[0].reason.startswith("cannot parse")


def test_an_unknown_relation_is_not_trusted(catalog):
    leaks = audit_sql("marts.x", "select secret from prod.other.t", catalog)
    assert leaks and "cannot prove" in leaks[0].reason
