"""Hostile input answers a 4xx problem detail, never a 5xx, whatever the database.

Integers beyond their 32 or 64 bits, text no database stores as sent (NUL, lone surrogates,
bytes that are not UTF-8), bodies over 1 MiB (chunked too), nested too deeply, not JSON or with
unknown keys, and date-times finer than microseconds, on every resource.
"""
import io
import json

import pytest

import factories

MAX_BODY = 1024 * 1024
HUGE = "99999999999999999999"
DIGITS_5000 = "9" * 5000
NANOS = "2024-01-01T10:00:00.123456789Z"
MICROS = "2024-01-01T10:00:00.123456Z"

ENTITIES = [
    pytest.param(
        "/api/customers",
        factories.create_customer,
        factories.payload_customer,
        id="Customer",
    ),
    pytest.param(
        "/api/products",
        factories.create_product,
        factories.payload_product,
        id="Product",
    ),
    pytest.param(
        "/api/orders", factories.create_order, factories.payload_order, id="Order"
    ),
    pytest.param(
        "/api/order-lines",
        factories.create_order_line,
        factories.payload_order_line,
        id="OrderLine",
    ),
]

RELATED = []

TEXT = [
    pytest.param("/api/customers", "email", id="Customer-email"),
    pytest.param("/api/customers", "fullName", id="Customer-fullName"),
    pytest.param("/api/products", "sku", id="Product-sku"),
    pytest.param("/api/products", "name", id="Product-name"),
    pytest.param("/api/orders", "note", id="Order-note"),
]

TEXT_FILTERS = [
    pytest.param("/api/customers", "email", id="Customer-email"),
    pytest.param("/api/customers", "fullName", id="Customer-fullName"),
    pytest.param("/api/products", "sku", id="Product-sku"),
    pytest.param("/api/products", "name", id="Product-name"),
    pytest.param("/api/orders", "note", id="Order-note"),
]

LONG_TEXT = [
    pytest.param("/api/orders", factories.create_order, "note", id="Order-note"),
]

INTEGERS = [
    pytest.param("/api/products", "stock", 32, id="Product-stock"),
    pytest.param("/api/orders", "customerId", 64, id="Order-customerId"),
    pytest.param("/api/order-lines", "quantity", 32, id="OrderLine-quantity"),
    pytest.param("/api/order-lines", "orderId", 64, id="OrderLine-orderId"),
    pytest.param("/api/order-lines", "productId", 64, id="OrderLine-productId"),
]

INTEGER_FILTERS = [
    pytest.param("/api/customers", "id", 64, id="Customer-id"),
    pytest.param("/api/products", "stock", 32, id="Product-stock"),
    pytest.param("/api/products", "id", 64, id="Product-id"),
    pytest.param("/api/orders", "id", 64, id="Order-id"),
    pytest.param("/api/orders", "customerId", 64, id="Order-customerId"),
    pytest.param("/api/order-lines", "quantity", 32, id="OrderLine-quantity"),
    pytest.param("/api/order-lines", "id", 64, id="OrderLine-id"),
    pytest.param("/api/order-lines", "orderId", 64, id="OrderLine-orderId"),
    pytest.param("/api/order-lines", "productId", 64, id="OrderLine-productId"),
]

ID_LISTS = []

DECIMALS = [
    pytest.param("/api/products", "price", id="Product-price"),
    pytest.param("/api/order-lines", "unitPrice", id="OrderLine-unitPrice"),
]

DECIMAL_FILTERS = [
    pytest.param("/api/products", "price", id="Product-price"),
    pytest.param("/api/order-lines", "unitPrice", id="OrderLine-unitPrice"),
]

DATETIMES = [
    pytest.param(
        "/api/orders", factories.create_order, "placedAt", id="Order-placedAt"
    ),
]

DATETIME_FILTERS = [
    pytest.param(
        "/api/orders", factories.create_order, "placedAt", id="Order-placedAt"
    ),
]


def assert_problem(response, status, field=None):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.content_type == "application/problem+json"
    body = response.get_json()
    assert body["status"] == status
    assert isinstance(body["title"], str)
    assert isinstance(body["detail"], str)
    if field is not None:
        assert field in [error["field"] for error in body.get("errors", [])], body
    return body


def post_json_text(client, url, text):
    return client.post(url, data=text, content_type="application/json")


def member(key, json_text):
    """A body of one key whose value is ``json_text`` as written, digits no parser rounded."""
    return "{" + json.dumps(key) + ": " + json_text + "}"


def items(response):
    assert response.status_code == 200, response.get_data(as_text=True)
    return [item["id"] for item in response.get_json()["items"]]


@pytest.mark.parametrize("url,create,payload", ENTITIES)
def test_an_id_beyond_64_bits_is_not_found(client, url, create, payload):
    for row_id in (HUGE, str(2**63), DIGITS_5000):
        assert_problem(client.get(f"{url}/{row_id}"), 404)
        assert_problem(client.put(f"{url}/{row_id}", json={}), 404)
        assert_problem(client.patch(f"{url}/{row_id}", json={}), 404)
        assert_problem(client.delete(f"{url}/{row_id}"), 404)


@pytest.mark.parametrize("url,create,payload", ENTITIES)
def test_the_largest_64_bit_id_is_looked_up_and_not_found(client, url, create, payload):
    body = assert_problem(client.get(f"{url}/{2**63 - 1}"), 404)
    assert body["type"] == "/problems/not-found"


@pytest.mark.parametrize("url,key,bits", INTEGER_FILTERS)
def test_an_integer_filter_beyond_its_bits_is_rejected(client, url, key, bits):
    for value in (str(2 ** (bits - 1)), str(-(2 ** (bits - 1)) - 1), HUGE, DIGITS_5000):
        assert_problem(client.get(url, query_string={key: value}), 400, key)
    assert items(client.get(url, query_string={key: str(2 ** (bits - 1) - 1)})) == []


@pytest.mark.parametrize("url,create,payload", ENTITIES)
def test_a_page_or_size_beyond_its_bounds_is_rejected(client, url, create, payload):
    for value in (str(2**31), HUGE, DIGITS_5000, "0", "-1", "1.5", "\u00b2"):
        assert_problem(client.get(url, query_string={"page": value}), 400, "page")
    for value in ("101", HUGE, DIGITS_5000, "0"):
        assert_problem(client.get(url, query_string={"size": value}), 400, "size")


@pytest.mark.parametrize("url,create,payload", ENTITIES)
def test_the_last_int32_page_is_an_empty_page(client, url, create, payload):
    create(client)
    response = client.get(url, query_string={"page": str(2**31 - 1), "size": "100"})
    assert items(response) == []
    assert response.get_json()["total"] == 1


@pytest.mark.parametrize("url,create,payload", ENTITIES)
def test_unstorable_text_in_any_query_parameter_is_rejected(
    client, url, create, payload
):
    for raw in ("a%00b", "%ED%A0%80", "%FF"):
        assert_problem(client.get(f"{url}?id={raw}"), 400, "id")
    assert_problem(client.get(f"{url}?%FF=1"), 400)


@pytest.mark.parametrize("url,key", TEXT_FILTERS)
def test_unstorable_text_in_a_text_filter_is_rejected(client, url, key):
    for raw in ("a%00b", "%ED%A0%80", "%FF"):
        assert_problem(client.get(f"{url}?{key}={raw}"), 400, key)


@pytest.mark.parametrize("url,key", TEXT)
def test_a_lone_surrogate_in_a_body_value_is_rejected(client, url, key):
    text = json.dumps({key: "a\ud800b"})
    assert "\\ud800" in text
    assert_problem(post_json_text(client, url, text), 400, key)
    assert_problem(post_json_text(client, url, json.dumps({key: ["\udfff"]})), 400, key)


@pytest.mark.parametrize("url,key", TEXT)
def test_a_nul_character_in_a_body_value_is_rejected(client, url, key):
    assert_problem(client.post(url, json={key: "a\u0000b"}), 400, key)


@pytest.mark.parametrize("url,create,payload", ENTITIES)
def test_unstorable_text_in_a_body_key_is_rejected(client, url, create, payload):
    assert_problem(post_json_text(client, url, '{"\\ud800": 1}'), 400, "\\ud800")
    assert_problem(client.post(url, json={"a\u0000": 1}), 400, "a\\u0000")
    assert_problem(
        client.post(
            url, data=b'{"a": "\xed\xa0\x80"}', content_type="application/json"
        ),
        400,
        "a",
    )


@pytest.mark.parametrize("url,create,key", LONG_TEXT)
def test_a_long_text_is_stored_whole(client, url, create, key):
    text = ("x\u2603\U0001f600" * 70000)[:70000]
    created = create(client, {key: text})
    assert created[key] == text
    assert client.get(f"{url}/{created['id']}").get_json()[key] == text


@pytest.mark.parametrize("url,create,payload", ENTITIES)
def test_a_deeply_nested_body_is_rejected(client, url, create, payload):
    assert_problem(post_json_text(client, url, "[" * 5000), 400)
    assert_problem(post_json_text(client, url, "[" * 5000 + "]" * 5000), 400)
    nested = '{"a": ' + "[" * 100 + "]" * 100 + "}"
    assert_problem(post_json_text(client, url, nested), 400)


@pytest.mark.parametrize("url,create,payload", ENTITIES)
def test_a_body_that_is_not_json_is_rejected(client, url, create, payload):
    for text in (
        "",
        "{",
        "NaN",
        '{"a": NaN}',
        '{"a": Infinity}',
        '{"a": ' + DIGITS_5000 + "}",
    ):
        assert_problem(post_json_text(client, url, text), 400)
    response = client.post(url, data=b'{"a": "\xff"}', content_type="application/json")
    assert_problem(response, 400)


@pytest.mark.parametrize("url,create,payload", ENTITIES)
def test_a_body_over_1_mib_is_rejected_with_413(client, url, create, payload):
    text = json.dumps({"a": "x" * MAX_BODY})
    assert_problem(post_json_text(client, url, text), 413)
    response = client.post(
        url,
        input_stream=io.BytesIO(text.encode()),
        content_type="application/json",
        headers={"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert_problem(response, 413)


@pytest.mark.parametrize("url,create,payload", ENTITIES)
def test_a_body_of_exactly_1_mib_is_read(client, url, create, payload):
    text = json.dumps({"no-such-field": "x" * (MAX_BODY - 21)})
    assert len(text) == MAX_BODY
    assert_problem(post_json_text(client, url, text), 400, "no-such-field")


@pytest.mark.parametrize("url,create,payload", ENTITIES)
def test_a_body_that_is_not_declared_json_is_rejected_with_415(
    client, url, create, payload
):
    created = create(client)
    text = json.dumps(payload(client))
    for content_type in ("text/plain", "application/x-www-form-urlencoded", None):
        kwargs = {} if content_type is None else {"content_type": content_type}
        assert_problem(client.post(url, data=text, **kwargs), 415)
        assert_problem(client.put(f"{url}/{created['id']}", data=text, **kwargs), 415)
        assert_problem(client.patch(f"{url}/{created['id']}", data="{}", **kwargs), 415)


@pytest.mark.parametrize("url,create,payload", ENTITIES)
def test_json_with_a_charset_or_a_json_suffix_is_read(client, url, create, payload):
    text = json.dumps(payload(client))
    response = client.post(
        url, data=text, content_type="application/json; charset=utf-8"
    )
    assert response.status_code == 201, response.get_json()
    row = f"{url}/{response.get_json()['id']}"
    response = client.patch(row, data="{}", content_type="application/merge-patch+json")
    assert response.status_code == 200, response.get_json()


@pytest.mark.parametrize("url,create,payload", ENTITIES)
def test_unknown_keys_are_rejected_by_every_write(client, url, create, payload):
    created = create(client)
    body = dict(payload(client), **{"no-such-field": 1})
    assert_problem(client.post(url, json=body), 400, "no-such-field")
    assert_problem(
        client.put(f"{url}/{created['id']}", json=body), 400, "no-such-field"
    )
    response = client.patch(f"{url}/{created['id']}", json={"no-such-field": 1})
    assert_problem(response, 400, "no-such-field")


@pytest.mark.parametrize("url,key,bits", INTEGERS)
def test_an_integer_beyond_its_bits_in_a_body_is_rejected(client, url, key, bits):
    low, high = -(2 ** (bits - 1)), 2 ** (bits - 1) - 1
    for value in (str(high + 1), str(low - 1), HUGE, str(2**63)):
        assert_problem(post_json_text(client, url, member(key, value)), 400, key)


@pytest.mark.parametrize("url,key", DECIMALS)
def test_a_decimal_beyond_any_column_is_rejected_in_a_body(client, url, key):
    for value in (
        "1e999999999999999999",
        "-1e999999999999999999",
        "1e-999999999999999999",
    ):
        assert_problem(post_json_text(client, url, member(key, value)), 400, key)
    too_large = member(key, "1e99999999999999999999")
    assert_problem(post_json_text(client, url, too_large), 400)


@pytest.mark.parametrize("url,key", DECIMAL_FILTERS)
def test_a_decimal_filter_is_a_number_and_one_no_column_holds_matches_nothing(
    client, url, key
):
    for value in ("NaN", "sNaN", "Infinity", "-Infinity", "1e", "0x10", " 1"):
        assert_problem(client.get(url, query_string={key: value}), 400, key)
    for value in ("1e999999", "1e99999999999999999999", "1e-999999", "0.0000001"):
        assert items(client.get(url, query_string={key: value})) == []


@pytest.mark.parametrize("url,create,key", DATETIMES)
def test_a_datetime_finer_than_microseconds_is_rejected_and_microseconds_read_back(
    client, url, create, key
):
    assert_problem(client.post(url, json={key: NANOS}), 400, key)
    created = create(client, {key: MICROS})
    assert created[key] == MICROS
    assert_problem(client.patch(f"{url}/{created['id']}", json={key: NANOS}), 400, key)
    assert client.get(f"{url}/{created['id']}").get_json()[key] == MICROS


@pytest.mark.parametrize("url,create,key", DATETIMES)
def test_a_datetime_out_of_range_in_utc_is_rejected(client, url, create, key):
    for value in ("9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+01:00"):
        assert_problem(client.post(url, json={key: value}), 400, key)


@pytest.mark.parametrize("url,create,key", DATETIME_FILTERS)
def test_a_datetime_filter_finds_microseconds_and_rejects_finer_or_overflow(
    client, url, create, key
):
    created = create(client, {key: MICROS})
    assert created["id"] in items(client.get(url, query_string={key: MICROS}))
    assert_problem(client.get(url, query_string={key: NANOS}), 400, key)
    for value in ("9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+01:00"):
        assert_problem(client.get(url, query_string={key: value}), 400, key)


def test_auth_rejects_hostile_bodies(anonymous_client):
    for path in ("/auth/register", "/auth/login"):
        valid = json.dumps({"email": "a@b.c", "password": "long enough"})
        assert_problem(
            anonymous_client.post(path, data=valid, content_type="text/plain"), 415
        )
        assert_problem(post_json_text(anonymous_client, path, "[" * 5000), 400)
        text = '{"email": "a@b.c", "password": "long enough\\ud800"}'
        assert_problem(post_json_text(anonymous_client, path, text), 400, "password")
        body = {"email": "a\u0000@b.c", "password": "long enough"}
        assert_problem(anonymous_client.post(path, json=body), 400, "email")
