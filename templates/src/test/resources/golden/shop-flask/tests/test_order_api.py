"""Tests of /api/orders, generated from the spec."""
import decimal

import pytest

import factories

URL = "/api/orders"
create = factories.create_order
payload = factories.payload_order
DECIMAL_KEYS = ()
MISSING_ID = 987654321

REQUIRED = [
    pytest.param("placedAt", id="placedAt"),
    pytest.param("status", id="status"),
    pytest.param("customerId", id="customerId"),
]

INVALID = [
    pytest.param("placedAt", "not-a-datetime", id="placedAt-type"),
    pytest.param("status", 12345, id="status-type"),
    pytest.param("status", "NOT_A_VALUE", id="status-enum"),
    pytest.param("note", 12345, id="note-type"),
    pytest.param("customerId", "not-an-id", id="customerId-type"),
]

UNIQUE = []

SORTABLE = [
    pytest.param("placedAt", id="placedAt"),
    pytest.param("status", id="status"),
    pytest.param("note", id="note"),
]

FILTERS = [
    pytest.param("placedAt", id="placedAt"),
    pytest.param("status", id="status"),
    pytest.param("note", id="note"),
    pytest.param("customerId", id="customerId"),
]

TO_ONE = [
    pytest.param("customerId", id="customerId"),
]

REFERENCED_BY = [
    pytest.param(factories.create_order_line, "orderId", id="OrderLine-orderId"),
]

MANY_TO_MANY = []

ONE_TO_MANY = []


def comparable(key, value):
    if key in DECIMAL_KEYS and value is not None:
        return decimal.Decimal(str(value))
    return value


def assert_has_values(expected, actual):
    for key, value in expected.items():
        if isinstance(value, list):
            assert sorted(actual[key]) == sorted(value), key
        else:
            assert comparable(key, actual[key]) == comparable(key, value), key


def assert_error(response, status, problem_type, field=None):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.content_type == "application/problem+json"
    body = response.get_json()
    assert body["type"] == problem_type
    assert body["status"] == status
    assert isinstance(body["title"], str)
    assert isinstance(body["detail"], str)
    if field is not None:
        assert field in [error["field"] for error in body["errors"]], body


def test_create_returns_the_row_with_location(client):
    body = payload(client)
    response = client.post(URL, json=body)
    assert response.status_code == 201, response.get_json()
    created = response.get_json()
    assert response.headers["Location"].endswith(f"{URL}/{created['id']}")
    assert_has_values(body, created)
    assert created["createdAt"].endswith("Z")
    assert created["updatedAt"].endswith("Z")


def test_get_returns_the_stored_row(client):
    created = create(client)
    response = client.get(f"{URL}/{created['id']}")
    assert response.status_code == 200
    assert response.get_json() == created


def test_get_unknown_id_returns_404(client):
    assert_error(client.get(f"{URL}/{MISSING_ID}"), 404, "/problems/not-found")


def test_put_replaces_the_row(client):
    created = create(client)
    body = payload(client)
    response = client.put(f"{URL}/{created['id']}", json=body)
    assert response.status_code == 200, response.get_json()
    assert_has_values(body, response.get_json())
    assert_has_values(body, client.get(f"{URL}/{created['id']}").get_json())


def test_put_unknown_id_returns_404(client):
    body = payload(client)
    assert_error(
        client.put(f"{URL}/{MISSING_ID}", json=body), 404, "/problems/not-found"
    )


def test_patch_changes_only_the_given_fields(client):
    created = create(client)
    other = payload(client)
    key = next(iter(other), None)
    change = {} if key is None else {key: other[key]}
    response = client.patch(f"{URL}/{created['id']}", json=change)
    assert response.status_code == 200, response.get_json()
    expected = {k: v for k, v in created.items() if k not in ("updatedAt",)}
    expected.update(change)
    assert_has_values(expected, response.get_json())


def test_delete_removes_the_row(client):
    created = create(client)
    assert client.delete(f"{URL}/{created['id']}").status_code == 204
    assert_error(client.get(f"{URL}/{created['id']}"), 404, "/problems/not-found")
    assert_error(client.delete(f"{URL}/{created['id']}"), 404, "/problems/not-found")


def test_list_is_paginated(client):
    ids = [create(client)["id"] for _ in range(3)]
    first = client.get(f"{URL}?page=1&size=2").get_json()
    assert (first["page"], first["size"], first["total"]) == (1, 2, 3)
    assert [item["id"] for item in first["items"]] == ids[:2]
    second = client.get(f"{URL}?page=2&size=2").get_json()
    assert [item["id"] for item in second["items"]] == ids[2:]
    assert second["total"] == 3


def test_list_rejects_a_page_size_over_100(client):
    assert_error(
        client.get(f"{URL}?size=101"), 400, "/problems/validation-failed", "size"
    )


def test_list_sorts_by_id_descending(client):
    ids = [create(client)["id"] for _ in range(3)]
    body = client.get(f"{URL}?sort=-id").get_json()
    assert [item["id"] for item in body["items"]] == sorted(ids, reverse=True)


@pytest.mark.parametrize("key", SORTABLE)
def test_list_sorts_by_field(client, key):
    for _ in range(3):
        create(client)
    for prefix, reverse in (("", False), ("-", True)):
        body = client.get(f"{URL}?sort={prefix}{key}").get_json()
        values = [comparable(key, item[key]) for item in body["items"]]
        assert values == sorted(values, reverse=reverse)


def test_list_rejects_an_unknown_sort_key(client):
    assert_error(
        client.get(f"{URL}?sort=noSuchField"),
        400,
        "/problems/validation-failed",
        "sort",
    )


@pytest.mark.parametrize("key", FILTERS)
def test_list_filters_by_equality(client, key):
    wanted = create(client)
    create(client)
    value = wanted[key]
    text = str(value).lower() if isinstance(value, bool) else str(value)
    body = client.get(URL, query_string={key: text}).get_json()
    assert wanted["id"] in [item["id"] for item in body["items"]]
    assert all(item[key] == value for item in body["items"])


def test_list_rejects_an_unknown_filter(client):
    assert_error(
        client.get(f"{URL}?noSuchField=1"),
        400,
        "/problems/validation-failed",
        "noSuchField",
    )


@pytest.mark.parametrize("key", REQUIRED)
def test_create_rejects_a_missing_required_value(client, key):
    body = payload(client)
    body.pop(key, None)
    assert_error(client.post(URL, json=body), 400, "/problems/validation-failed", key)
    body[key] = None
    assert_error(client.post(URL, json=body), 400, "/problems/validation-failed", key)


@pytest.mark.parametrize("key,value", INVALID)
def test_create_rejects_an_invalid_value(client, key, value):
    body = payload(client)
    body[key] = value
    assert_error(client.post(URL, json=body), 400, "/problems/validation-failed", key)


@pytest.mark.parametrize("key,value", INVALID)
def test_patch_rejects_an_invalid_value(client, key, value):
    created = create(client)
    response = client.patch(f"{URL}/{created['id']}", json={key: value})
    assert_error(response, 400, "/problems/validation-failed", key)


def test_create_rejects_an_unknown_field(client):
    body = payload(client)
    body["unknownField"] = 1
    assert_error(
        client.post(URL, json=body), 400, "/problems/validation-failed", "unknownField"
    )


def test_create_rejects_a_body_that_is_not_an_object(client):
    assert_error(client.post(URL, json=[1, 2]), 400, "/problems/validation-failed")


def test_unsupported_method_returns_json_405(client):
    assert_error(client.post(f"{URL}/1"), 405, "/problems/method-not-allowed")


@pytest.mark.parametrize("key", TO_ONE)
def test_create_with_a_missing_referenced_row_returns_400(client, key):
    body = payload(client)
    body[key] = MISSING_ID
    assert_error(client.post(URL, json=body), 400, "/problems/validation-failed", key)


@pytest.mark.parametrize("create_source,key", REFERENCED_BY)
def test_delete_of_a_referenced_row_returns_409(client, create_source, key):
    target = create(client)
    create_source(client, {key: target["id"]})
    assert_error(client.delete(f"{URL}/{target['id']}"), 409, "/problems/conflict")
    assert client.get(f"{URL}/{target['id']}").status_code == 200
