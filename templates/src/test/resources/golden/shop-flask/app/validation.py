"""Strict marshmallow fields and validators for request bodies."""
import datetime
import decimal
import re
import uuid

from marshmallow import ValidationError, fields, validate

DECIMAL_SCALE = 6
DECIMAL_INTEGER_DIGITS = 14
INT32_RANGE = (-(2**31), 2**31 - 1)
INT64_RANGE = (-(2**63), 2**63 - 1)
_INTEGER = re.compile(r"-?[0-9]+")
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?")


class NoRowHolds(Exception):
    """A filter value of the right type that no column of that type can hold."""


class StrictInteger(fields.Integer):
    """A JSON integer that fits 64 bits; strings, floats and booleans are rejected."""

    default_error_messages = {
        "int64": f"Must be between {INT64_RANGE[0]} and {INT64_RANGE[1]}."
    }

    def __init__(self, **kwargs):
        super().__init__(strict=True, **kwargs)

    def _validated(self, value):
        if isinstance(value, bool):
            raise self.make_error("invalid")
        number = super()._validated(value)
        if number is not None and not INT64_RANGE[0] <= number <= INT64_RANGE[1]:
            raise self.make_error("int64")
        return number


class JsonDecimal(fields.Decimal):
    """A decimal given as a JSON number or a numeric string; kept exact."""

    def _validated(self, value):
        if isinstance(value, (bool, float)):
            raise self.make_error("invalid")
        return super()._validated(value)


class StrictBoolean(fields.Field):
    """A JSON true or false, nothing else."""

    default_error_messages = {"invalid": "Not a valid boolean."}

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, bool):
            return value
        raise self.make_error("invalid")


class UtcDateTime(fields.DateTime):
    """An ISO-8601 date-time; stored as naive UTC, a value without offset is taken as UTC.

    More than six fractional digits are refused: every database keeps microseconds, so a finer
    value could not be answered as it was sent, nor read back as it was answered.
    """

    FINER_THAN_MICROSECONDS = re.compile(r"T[^.]*\.\d{7}")

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str) and self.FINER_THAN_MICROSECONDS.search(value):
            raise ValidationError(
                "At most 6 fractional digits: the time is kept in microseconds."
            )
        parsed = super()._deserialize(value, attr, data, **kwargs)
        if parsed.tzinfo is not None:
            try:
                parsed = parsed.astimezone(datetime.timezone.utc).replace(tzinfo=None)
            except OverflowError:
                raise ValidationError("Out of range once converted to UTC.") from None
        return parsed


class IsoDate(fields.Date):
    """An ISO-8601 date such as 2024-01-31."""


class UuidString(fields.UUID):
    """A UUID, stored in its canonical lower-case text form."""

    def _deserialize(self, value, attr, data, **kwargs):
        return str(super()._deserialize(value, attr, data, **kwargs))


class FullMatch(validate.Validator):
    """Accepts a string only when the whole of it matches ``pattern``."""

    def __init__(self, pattern):
        self.regex = re.compile(pattern)

    def __call__(self, value):
        if self.regex.fullmatch(value) is None:
            raise ValidationError("Does not match the required pattern.")
        return value


def decimal_fits(value):
    """Rejects decimals the database column cannot hold exactly."""
    exponent = value.as_tuple().exponent
    places = -exponent if exponent < 0 else 0
    if places > DECIMAL_SCALE:
        raise ValidationError(
            f"At most {DECIMAL_SCALE} digits after the decimal point."
        )
    if value != 0 and value.adjusted() >= DECIMAL_INTEGER_DIGITS:
        raise ValidationError(
            f"At most {DECIMAL_INTEGER_DIGITS} digits before the decimal point."
        )
    return value


def _query_integer(raw, bounds):
    if _INTEGER.fullmatch(raw) is None:
        raise ValueError("Not a valid integer.")
    low, high = bounds
    digits = raw.lstrip("-").lstrip("0") or "0"
    if len(digits) > 19:
        raise ValueError(f"Must be between {low} and {high}.")
    number = -int(digits) if raw.startswith("-") else int(digits)
    if not low <= number <= high:
        raise ValueError(f"Must be between {low} and {high}.")
    return number


def _query_decimal(raw):
    if _NUMBER.fullmatch(raw) is None:
        raise ValueError("Not a valid number.")
    try:
        value = decimal.Decimal(raw)
        if value != 0 and value.adjusted() >= DECIMAL_INTEGER_DIGITS:
            raise NoRowHolds()
        unit = decimal.Decimal(1).scaleb(-DECIMAL_SCALE)
        stored = value.quantize(unit, rounding=decimal.ROUND_DOWN)
    except ArithmeticError:
        raise NoRowHolds() from None
    if stored != value:
        raise NoRowHolds()
    return stored


def parse_query_value(kind, raw):
    """Converts a query-string value to the Python value of a field of type ``kind``.

    Raises ``ValueError`` or ``ValidationError`` for a value that is not of the type (integers
    beyond the 32 or 64 bits the OpenAPI document declares included), and ``NoRowHolds`` for a
    decimal beyond the column's digits, which matches no row.
    """
    if kind in ("string", "text", "enum"):
        return raw
    if kind == "integer":
        return _query_integer(raw, INT32_RANGE)
    if kind in ("long", "id"):
        return _query_integer(raw, INT64_RANGE)
    if kind == "decimal":
        return _query_decimal(raw)
    if kind == "boolean":
        if raw not in ("true", "false"):
            raise ValueError("Use true or false.")
        return raw == "true"
    if kind == "date":
        return datetime.date.fromisoformat(raw)
    if kind == "datetime":
        return UtcDateTime().deserialize(raw)
    if kind == "uuid":
        return str(uuid.UUID(raw))
    raise ValueError("Not filterable.")
