package io.backforge.templates.spec;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names a spec may not use, because the generated code or its database would break or behave
 * differently. Each {@code why...} method returns the reason a name is reserved, worded for people,
 * or nothing when the name is free.
 *
 * <p>SQL words are rejected rather than quoted: generated migrations, raw queries and the
 * developer's own SQL should work without remembering to quote.
 */
public final class ReservedWords {

  /** Python's keywords (3.11), compared case-sensitively. */
  public static final Set<String> PYTHON_KEYWORDS =
      Set.of(
          "False",
          "None",
          "True",
          "and",
          "as",
          "assert",
          "async",
          "await",
          "break",
          "class",
          "continue",
          "def",
          "del",
          "elif",
          "else",
          "except",
          "finally",
          "for",
          "from",
          "global",
          "if",
          "import",
          "in",
          "is",
          "lambda",
          "nonlocal",
          "not",
          "or",
          "pass",
          "raise",
          "return",
          "try",
          "while",
          "with",
          "yield");

  /** Python's built-in types, constants and exceptions, which an entity class would shadow. */
  public static final Set<String> PYTHON_BUILTIN_TYPES =
      Set.of(
          "object",
          "type",
          "list",
          "dict",
          "str",
          "int",
          "float",
          "bool",
          "set",
          "tuple",
          "bytes",
          "Ellipsis",
          "NotImplemented",
          "ArithmeticError",
          "AssertionError",
          "AttributeError",
          "BaseException",
          "BaseExceptionGroup",
          "BlockingIOError",
          "BrokenPipeError",
          "BufferError",
          "BytesWarning",
          "ChildProcessError",
          "ConnectionAbortedError",
          "ConnectionError",
          "ConnectionRefusedError",
          "ConnectionResetError",
          "DeprecationWarning",
          "EOFError",
          "EncodingWarning",
          "EnvironmentError",
          "Exception",
          "ExceptionGroup",
          "FileExistsError",
          "FileNotFoundError",
          "FloatingPointError",
          "FutureWarning",
          "GeneratorExit",
          "IOError",
          "ImportError",
          "ImportWarning",
          "IndentationError",
          "IndexError",
          "InterruptedError",
          "IsADirectoryError",
          "KeyError",
          "KeyboardInterrupt",
          "LookupError",
          "MemoryError",
          "ModuleNotFoundError",
          "NameError",
          "NotADirectoryError",
          "NotImplementedError",
          "OSError",
          "OverflowError",
          "PendingDeprecationWarning",
          "PermissionError",
          "ProcessLookupError",
          "RecursionError",
          "ReferenceError",
          "ResourceWarning",
          "RuntimeError",
          "RuntimeWarning",
          "StopAsyncIteration",
          "StopIteration",
          "SyntaxError",
          "SyntaxWarning",
          "SystemError",
          "SystemExit",
          "TabError",
          "TimeoutError",
          "TypeError",
          "UnboundLocalError",
          "UnicodeDecodeError",
          "UnicodeEncodeError",
          "UnicodeError",
          "UnicodeTranslateError",
          "UnicodeWarning",
          "UserWarning",
          "ValueError",
          "Warning",
          "ZeroDivisionError");

  /** Class names the generated code defines or imports itself, compared by snake form. */
  public static final Set<String> GENERATED_CLASSES =
      Set.of(
          "auth_account",
          "config",
          "flask",
          "blueprint",
          "model",
          "schema",
          "query",
          "session",
          "base");

  /** Attribute and column names the generated models use themselves, by snake form. */
  public static final Map<String, String> GENERATED_ATTRIBUTES =
      Map.of(
          "id", "every generated table already has the primary key 'id'",
          "created_at", "every generated table already has the timestamp column 'created_at'",
          "updated_at", "every generated table already has the timestamp column 'updated_at'",
          "metadata", "SQLAlchemy models use 'metadata' for their table metadata",
          "query", "Flask-SQLAlchemy models use 'query' for their query helper",
          "query_class", "Flask-SQLAlchemy models use 'query_class' for their query class",
          "registry", "SQLAlchemy models use 'registry' for their mapper registry");

  /** Tables the generated code creates whatever the entities are. */
  public static final Set<String> GENERATED_TABLES = Set.of("auth_accounts");

  /**
   * Reserved words of PostgreSQL, MySQL and SQLite (lower case) that a table or column name must
   * not be: PostgreSQL's reserved key words plus the statement and clause words MySQL reserves.
   */
  public static final Set<String> SQL_KEYWORDS =
      Set.of(
          "add",
          "all",
          "alter",
          "analyse",
          "analyze",
          "and",
          "any",
          "array",
          "as",
          "asc",
          "asymmetric",
          "authorization",
          "between",
          "binary",
          "both",
          "by",
          "cascade",
          "case",
          "cast",
          "check",
          "collate",
          "collation",
          "column",
          "concurrently",
          "constraint",
          "create",
          "cross",
          "current_catalog",
          "current_date",
          "current_role",
          "current_schema",
          "current_time",
          "current_timestamp",
          "current_user",
          "database",
          "databases",
          "default",
          "deferrable",
          "delete",
          "desc",
          "describe",
          "distinct",
          "div",
          "do",
          "drop",
          "else",
          "end",
          "except",
          "exists",
          "explain",
          "false",
          "fetch",
          "for",
          "foreign",
          "freeze",
          "from",
          "full",
          "grant",
          "group",
          "having",
          "ilike",
          "in",
          "index",
          "initially",
          "inner",
          "insert",
          "intersect",
          "interval",
          "into",
          "is",
          "isnull",
          "join",
          "key",
          "keys",
          "lateral",
          "leading",
          "left",
          "like",
          "limit",
          "localtime",
          "localtimestamp",
          "lock",
          "match",
          "mod",
          "natural",
          "not",
          "notnull",
          "null",
          "offset",
          "on",
          "only",
          "or",
          "order",
          "outer",
          "overlaps",
          "partition",
          "placing",
          "primary",
          "procedure",
          "range",
          "references",
          "regexp",
          "rename",
          "replace",
          "restrict",
          "returning",
          "revoke",
          "right",
          "rlike",
          "row",
          "rows",
          "schema",
          "select",
          "session_user",
          "set",
          "show",
          "similar",
          "some",
          "symmetric",
          "system_user",
          "table",
          "tablesample",
          "then",
          "to",
          "trailing",
          "trigger",
          "true",
          "union",
          "unique",
          "update",
          "use",
          "user",
          "using",
          "values",
          "variadic",
          "verbose",
          "when",
          "where",
          "window",
          "with",
          "xor");

  /** Modules a generated project imports, which a package named like the project would hide. */
  public static final Set<String> PYTHON_MODULES =
      Set.of(
          "flask",
          "flask_sqlalchemy",
          "flask_jwt_extended",
          "sqlalchemy",
          "marshmallow",
          "werkzeug",
          "jwt",
          "pytest",
          "json",
          "os",
          "sys",
          "re",
          "typing",
          "datetime",
          "decimal",
          "uuid",
          "enum",
          "logging");

  /**
   * Java's keywords and literals (Java 17, contextual ones such as {@code record} and {@code var}
   * included). The Spring Boot stack never rejects them: it renames the Java identifier (a trailing
   * underscore, which no spec name has) and keeps the JSON and column names.
   */
  public static final Set<String> JAVA_KEYWORDS =
      Set.of(
          "abstract",
          "assert",
          "boolean",
          "break",
          "byte",
          "case",
          "catch",
          "char",
          "class",
          "const",
          "continue",
          "default",
          "do",
          "double",
          "else",
          "enum",
          "extends",
          "final",
          "finally",
          "float",
          "for",
          "goto",
          "if",
          "implements",
          "import",
          "instanceof",
          "int",
          "interface",
          "long",
          "native",
          "new",
          "package",
          "private",
          "protected",
          "public",
          "return",
          "short",
          "static",
          "strictfp",
          "super",
          "switch",
          "synchronized",
          "this",
          "throw",
          "throws",
          "transient",
          "try",
          "void",
          "volatile",
          "while",
          "true",
          "false",
          "null",
          "var",
          "record",
          "yield",
          "sealed",
          "permits");

  /**
   * Public types of {@code java.lang} (Java 17), which every Java file sees without an import. An
   * entity class of that name would shadow them, so the Spring Boot stack names it {@code
   * <Name>Entity} instead.
   */
  public static final Set<String> JAVA_LANG_TYPES =
      Set.of(
          "Appendable",
          "AutoCloseable",
          "CharSequence",
          "Cloneable",
          "Comparable",
          "Iterable",
          "Readable",
          "Runnable",
          "Boolean",
          "Byte",
          "Character",
          "Class",
          "ClassLoader",
          "ClassValue",
          "Compiler",
          "Double",
          "Enum",
          "Float",
          "InheritableThreadLocal",
          "Integer",
          "Long",
          "Math",
          "Module",
          "ModuleLayer",
          "Number",
          "Object",
          "Package",
          "Process",
          "ProcessBuilder",
          "ProcessHandle",
          "Record",
          "Runtime",
          "RuntimePermission",
          "SecurityManager",
          "Short",
          "StackTraceElement",
          "StackWalker",
          "StrictMath",
          "String",
          "StringBuffer",
          "StringBuilder",
          "System",
          "Thread",
          "ThreadGroup",
          "ThreadLocal",
          "Throwable",
          "Void",
          "Exception",
          "Error",
          "RuntimeException",
          "Override",
          "Deprecated",
          "FunctionalInterface",
          "SafeVarargs",
          "SuppressWarnings",
          "ArithmeticException",
          "ClassCastException",
          "IllegalArgumentException",
          "IllegalStateException",
          "IndexOutOfBoundsException",
          "NullPointerException",
          "NumberFormatException",
          "UnsupportedOperationException",
          "InterruptedException",
          "CloneNotSupportedException",
          "ReflectiveOperationException",
          "SecurityException",
          "AssertionError",
          "OutOfMemoryError",
          "StackOverflowError",
          "LinkageError",
          "VirtualMachineError",
          "InternalError");

  private ReservedWords() {}

  /** Why {@code name} may not name an entity, or nothing when it may. */
  public static Optional<String> whyReservedForEntity(Identifier name) {
    String snake = name.snake();
    String table = name.snakePlural();
    if (PYTHON_KEYWORDS.contains(name.value())) {
      return reason("'%s' is a Python keyword", name);
    }
    if (PYTHON_KEYWORDS.contains(snake)) {
      return reason("'%s' becomes the Python module '%s', which is a Python keyword", name, snake);
    }
    if (GENERATED_CLASSES.contains(snake)) {
      return reason("'%s' is a class name the generated code uses itself", name);
    }
    if (PYTHON_BUILTIN_TYPES.contains(name.value())) {
      return reason("'%s' is a Python built-in name", name);
    }
    return whyReservedForTable(table)
        .map(why -> String.format("'%s' gets the table '%s', but %s", name, table, why));
  }

  /** Why {@code name} may not name a field of an entity, or nothing when it may. */
  public static Optional<String> whyReservedForField(Identifier name) {
    return whyReservedForAttribute(name).or(() -> whyReservedForColumn(name));
  }

  /** Why {@code name} may not name a relation of an entity, or nothing when it may. */
  public static Optional<String> whyReservedForRelation(Identifier name) {
    return whyReservedForAttribute(name);
  }

  /** Why {@code name} may not name a project, or nothing when it may. */
  public static Optional<String> whyReservedForProject(Identifier name) {
    String snake = name.snake();
    if (PYTHON_KEYWORDS.contains(snake)) {
      return reason("'%s' becomes the Python package '%s', which is a Python keyword", name, snake);
    }
    if (PYTHON_MODULES.contains(snake)) {
      return reason(
          "'%s' becomes the Python package '%s', which would hide the module of that name",
          name, snake);
    }
    return Optional.empty();
  }

  /** Why {@code table} may not name a table, or nothing when it may. */
  public static Optional<String> whyReservedForTable(String table) {
    if (SQL_KEYWORDS.contains(table.toLowerCase(Locale.ROOT))) {
      return Optional.of("'" + table + "' is a reserved word in SQL");
    }
    if (GENERATED_TABLES.contains(table)) {
      return Optional.of("the generated code creates the table '" + table + "' itself");
    }
    return Optional.empty();
  }

  private static Optional<String> whyReservedForAttribute(Identifier name) {
    String snake = name.snake();
    if (PYTHON_KEYWORDS.contains(name.value())) {
      return reason("'%s' is a Python keyword", name);
    }
    if (PYTHON_KEYWORDS.contains(snake)) {
      return reason("'%s' becomes '%s' in Python, which is a Python keyword", name, snake);
    }
    String generated = GENERATED_ATTRIBUTES.get(snake);
    return generated == null ? Optional.empty() : Optional.of(generated);
  }

  private static Optional<String> whyReservedForColumn(Identifier name) {
    String column = name.snake();
    if (!SQL_KEYWORDS.contains(column)) {
      return Optional.empty();
    }
    return column.equals(name.value())
        ? reason("'%s' is a reserved word in SQL", name)
        : reason("'%s' gets the column '%s', which is a reserved word in SQL", name, column);
  }

  private static Optional<String> reason(String format, Object... args) {
    return Optional.of(String.format(format, args));
  }
}
