"""Untrusted request input, checked before anything else reads it.

A request body must be JSON (``application/json`` or a ``+json`` media type, else 415), at most
``MAX_CONTENT_LENGTH`` bytes (else 413, also for a chunked body without Content-Length), valid
JSON nested at most ``MAX_DEPTH`` levels deep, and an object. Text in a body or a query string
must be Unicode a database stores as sent: NUL (``\\u0000``), lone surrogates (``"\\ud800"``)
and bytes that are not UTF-8 answer 400 naming the field, the same on every database.
"""
import re
import urllib.parse

import flask
from werkzeug.exceptions import RequestEntityTooLarge, UnsupportedMediaType

from .errors import ApiError, field_error

MAX_DEPTH = 32
_CHUNK = 64 * 1024
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
NUL_MESSAGE = "Must not contain the NUL character (\\u0000)."
SURROGATE_MESSAGE = "Must be valid Unicode, without lone surrogates (\\ud800-\\udfff)."
UTF8_MESSAGE = "Must be valid UTF-8 text."


def _invalid(detail, errors=()):
    return ApiError(400, "validation-failed", detail, errors)


def printable(text):
    """``text`` with NUL and lone surrogates written as ``\\uXXXX``, safe to put in an answer."""
    return _UNSTORABLE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _text_message(text):
    if "\x00" in text:
        return NUL_MESSAGE
    return SURROGATE_MESSAGE


def _too_large(limit):
    return RequestEntityTooLarge(f"The request body is larger than {limit} bytes.")


def _read_body():
    limit = flask.current_app.config.get("MAX_CONTENT_LENGTH")
    request = flask.request
    if limit is not None and (request.content_length or 0) > limit:
        raise _too_large(limit)
    chunks = []
    size = 0
    while True:
        chunk = request.stream.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if limit is not None and size > limit:
            raise _too_large(limit)
        chunks.append(chunk)


def _not_json(constant):
    raise ValueError(f"{constant} is not JSON.")


def _unstorable_text(payload):
    """Field errors for every top-level key whose key or value holds text no database keeps."""
    errors = {}
    for key, value in payload.items():
        pending = [(key, 1), (value, 1)]
        while pending:
            item, depth = pending.pop()
            if depth > MAX_DEPTH:
                raise _invalid(
                    f"The request body is nested more than {MAX_DEPTH} levels deep."
                )
            if isinstance(item, str):
                if _UNSTORABLE.search(item):
                    errors.setdefault(printable(key), _text_message(item))
            elif isinstance(item, dict):
                for inner_key, inner_value in item.items():
                    pending.append((inner_key, depth + 1))
                    pending.append((inner_value, depth + 1))
            elif isinstance(item, list):
                pending.extend((inner, depth + 1) for inner in item)
    return [field_error(key, message) for key, message in sorted(errors.items())]


def json_object():
    """The request body as a dict once every check above passed; raises the problem otherwise."""
    if not flask.request.is_json:
        raise UnsupportedMediaType(
            "The request body must be JSON (Content-Type: application/json)."
        )
    data = _read_body()
    try:
        payload = flask.current_app.json.loads(data, parse_constant=_not_json)
    except RecursionError:
        raise _invalid("The request body is nested too deeply.") from None
    except ArithmeticError:
        raise _invalid("The request body holds a number too large to read.") from None
    except ValueError:
        raise _invalid("The request body is not valid JSON.") from None
    if not isinstance(payload, dict):
        raise _invalid("The request body must be a JSON object.")
    errors = _unstorable_text(payload)
    if errors:
        raise _invalid("The request is invalid.", errors)
    return payload


def _decode(raw):
    return urllib.parse.unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")


def query_args():
    """``request.args`` once the raw query string is UTF-8 text without NUL; 400 otherwise."""
    errors = {}
    for part in flask.request.query_string.split(b"&"):
        raw_key, _, raw_value = part.partition(b"=")
        try:
            key = _decode(raw_key)
        except UnicodeDecodeError:
            errors.setdefault(
                printable(raw_key.decode("utf-8", "replace")), UTF8_MESSAGE
            )
            continue
        try:
            value = _decode(raw_value)
        except UnicodeDecodeError:
            errors.setdefault(printable(key), UTF8_MESSAGE)
            continue
        for text in (key, value):
            if _UNSTORABLE.search(text):
                errors.setdefault(printable(key), _text_message(text))
    if errors:
        listed = [field_error(key, message) for key, message in sorted(errors.items())]
        raise _invalid("Invalid query parameters.", listed)
    return flask.request.args
