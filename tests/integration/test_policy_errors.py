"""Policy mistakes are compile errors that name source.table.column (default deny, F27)."""

from __future__ import annotations

import pytest

from conftest import SHOP_SOURCES, Workspace, build_shop_prod, make_mini_project

CITY = "{name: city, data_type: varchar(40), config: {meta: {understudy: {class: city}}}}"
EMAIL = "{name: email, data_type: varchar(60), config: {meta: {understudy: {class: email}}}}"
NOTE = "{name: note, data_type: varchar(100), config: {meta: {understudy: {class: free_text}}}}"
FK = "{name: person_id, data_type: integer, config: {meta: {understudy: {class: identifier, references: shop.people.id}}}}"

CASES = {
    "untagged column": (CITY, "{name: city, data_type: varchar(40)}",
                        "shop.people.city: column has no sensitivity tag"),
    "unknown class": (CITY, CITY.replace("class: city", "class: ciyt"), "shop.people.city: unknown class 'ciyt'"),
    "misspelled method (F27)": (EMAIL, EMAIL.replace("class: email", "class: email, method: tokenise"),
                                "shop.people.email: unknown method 'tokenise'"),
    "unknown tag key (F27)": (EMAIL, EMAIL.replace("class: email", "class: email, masking: tokenise"),
                              "shop.people.email: unknown tag key 'masking'"),
    "misspelled class key": (CITY, CITY.replace("class: city", "clas: city"), "shop.people.city: unknown tag key 'clas'"),
    "unquoted null method": (CITY, CITY.replace("class: city", "class: city, method: null"),
                             "shop.people.city: `method:` is empty"),
    "unknown parameter": (CITY, CITY.replace("class: city", "class: city, params: {colour: red}"),
                          "shop.people.city: method 'fake_city' has no parameter 'colour'"),
    "bad parameter value": (EMAIL, EMAIL.replace("class: email", "class: email, method: partial, params: {keep_last: -1}"),
                            "shop.people.email: partial.keep_last must be"),
    "unique column, method that merges values (F04)": (
        CITY, CITY.replace("class: city", "class: city, unique: true"),
        "shop.people.city: method 'fake_city' does not keep values unique"),
    "foreign key with another class": (FK, FK.replace("class: identifier", "class: email"),
                                       "shop.orders.person_id: tagged 'email' but references shop.people.id"),
    "foreign key to an undeclared column": (FK, FK.replace("shop.people.id", "shop.people.nope"),
                                            "shop.people.nope: column is not declared"),
    "method that does not take the type": (CITY, CITY.replace("class: city", "class: date_of_birth"),
                                           "shop.people.city: method 'date_shift' does not accept type varchar(40)"),
    "unique given as a string": (CITY, CITY.replace("class: city", "class: city, unique: 'true'"),
                                 "shop.people.city: `unique` must be true or false"),
    "foreign key narrower than its key": (
        FK.replace("data_type: integer", "data_type: smallint"), None,
        "shop.orders.person_id: type smallint cannot reference shop.people.id of type integer"),
    "no declared type": (EMAIL, "{name: email, config: {meta: {understudy: {class: email}}}}",
                         "shop.people.email: no data_type declared"),
    "redaction longer than the column (F13)": (NOTE, NOTE.replace("varchar(100)", "varchar(5)"),
                                               "shop.people.note: redaction text '[redacted]' is longer than varchar(5)"),
}


@pytest.fixture(scope="module")
def shop_prod(tmp_path_factory):
    return build_shop_prod(tmp_path_factory.mktemp("shop") / "prod.duckdb")


@pytest.mark.parametrize("case", sorted(CASES), ids=sorted(CASES))
def test_policy_error_names_the_column(case, tmp_path, shop_prod):
    old, new, message = CASES[case]
    if new is None:
        old, new = FK, old
    assert old in SHOP_SOURCES
    project = make_mini_project(tmp_path / "project", SHOP_SOURCES.replace(old, new))
    ws = Workspace(tmp_path, root=project)
    run = ws.dbt("run-operation", "understudy_export_plan", "--target", "prod", UNDERSTUDY_PROD_PATH=str(shop_prod))
    assert run.returncode != 0
    assert message in run.stdout, run.stdout[-3000:]


def test_the_clean_shop_resolves(tmp_path, shop_prod):
    project = make_mini_project(tmp_path / "project", SHOP_SOURCES)
    ws = Workspace(tmp_path, root=project)
    run = ws.dbt("run-operation", "understudy_export_plan", "--target", "prod", UNDERSTUDY_PROD_PATH=str(shop_prod))
    assert run.returncode == 0, run.stdout[-3000:]
    assert "UNDERSTUDY_PLAN" in run.stdout
