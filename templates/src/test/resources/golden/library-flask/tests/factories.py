"""Valid request bodies and rows for the tests, built from sample values that satisfy the spec.

Each call takes the next sample, so unique fields get distinct values within a test.
"""
import collections

COUNTERS = collections.Counter()


def reset():
    """Starts every entity's samples from the first again."""
    COUNTERS.clear()


def _next(name):
    COUNTERS[name] += 1
    return COUNTERS[name] - 1


def _pick(values, n):
    return {key: samples[n % len(samples)] for key, samples in values.items()}


def _create(client, url, body):
    response = client.post(url, json=body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


AUTHOR_SAMPLES = {
    "name": [
        "name-0",
        "name-1",
        "name-2",
        "name-3",
        "name-4",
        "name-5",
        "name-6",
        "name-7",
    ],
    "born": [
        "2024-01-15",
        "2024-01-18",
        "2024-01-21",
        "2024-01-24",
        "2024-01-27",
        "2024-01-30",
        "2024-02-02",
        "2024-02-05",
    ],
}


def payload_author(client):
    """A valid body for /api/authors; creates the rows its required relations need."""
    body = _pick(AUTHOR_SAMPLES, _next("Author"))
    return body


def create_author(client, changes=None):
    """Creates a row through the API (with ``changes`` applied to the body); returns its JSON."""
    body = payload_author(client)
    body.update(changes or {})
    return _create(client, "/api/authors", body)


BOOK_SAMPLES = {
    "title": [
        "title-0",
        "title-1",
        "title-2",
        "title-3",
        "title-4",
        "title-5",
        "title-6",
        "title-7",
    ],
    "isbn": [
        "041200-779",
        "0615523811553163",
        "-7918422-75674",
        "2946148-478607-0",
        "-0865666022",
        "3695803432605",
        "02-9-65599",
        "94501126598-27523",
    ],
    "price": ["0.25", "0", "1.25", "1", "2.25", "2", "3.25", "3"],
    "published": [True, False],
}


def payload_book(client):
    """A valid body for /api/books; creates the rows its required relations need."""
    body = _pick(BOOK_SAMPLES, _next("Book"))
    reference = create_author(client)
    body["authorId"] = reference["id"]
    return body


def create_book(client, changes=None):
    """Creates a row through the API (with ``changes`` applied to the body); returns its JSON."""
    body = payload_book(client)
    body.update(changes or {})
    return _create(client, "/api/books", body)
