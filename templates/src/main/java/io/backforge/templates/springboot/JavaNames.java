package io.backforge.templates.springboot;

import io.backforge.templates.spec.EntitySpec;
import io.backforge.templates.spec.Identifier;
import io.backforge.templates.spec.ProjectSpec;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Java identifiers for the names of a spec. Names are never rejected for Java: a keyword (or a name
 * a record component may not have) gets a trailing underscore (no spec name ends with one, so the
 * result is unique and reversible), and an entity whose class name would shadow a {@code java.lang}
 * type, a type the generated code imports or a class it derives from another entity gets the suffix
 * {@code Entity}. JSON keys, tables and columns keep the spec's names.
 */
public final class JavaNames {

  /** Suffixes of the classes generated for each entity. */
  static final List<String> DERIVED_SUFFIXES =
      List.of("Repository", "Controller", "Request", "Response", "ApiTests");

  /** Simple names the generated Java files declare or import themselves. */
  static final Set<String> GENERATED_TYPES =
      Set.of(
          "Application",
          "InvalidField",
          "References",
          "Patches",
          "ApiException",
          "ProblemHandler",
          "Problem",
          "RequestBodies",
          "MicrosecondPrecision",
          "ErrorPage",
          "ConnectorErrors",
          "HostileInputTests",
          "FieldErrors",
          "ListQuery",
          "ListResponse",
          "SecurityConfig",
          "TokenService",
          "AuthController",
          "AuthAccount",
          "AuthAccountRepository",
          "Fixtures",
          "HealthTests",
          "OpenApiTests",
          "OpenApiController",
          "AuthApiTests",
          "List",
          "Set",
          "Map",
          "Collection",
          "LinkedHashSet",
          "LinkedHashMap",
          "ArrayList",
          "Optional",
          "Objects",
          "Function",
          "Instant",
          "LocalDate",
          "ChronoUnit",
          "BigDecimal",
          "UUID",
          "URI",
          "Entity",
          "Table",
          "Column",
          "Id",
          "GeneratedValue",
          "GenerationType",
          "ManyToOne",
          "ManyToMany",
          "JoinColumn",
          "JoinTable",
          "FetchType",
          "PrePersist",
          "PreUpdate",
          "JsonProperty",
          "JsonInclude",
          "NotNull",
          "NotBlank",
          "Email",
          "Size",
          "Pattern",
          "DecimalMin",
          "DecimalMax",
          "Digits",
          "Valid",
          "RestController",
          "RequestMapping",
          "GetMapping",
          "PostMapping",
          "PutMapping",
          "DeleteMapping",
          "PathVariable",
          "RequestBody",
          "RequestParam",
          "ResponseStatus",
          "HttpStatus",
          "MultiValueMap",
          "Transactional",
          "JpaRepository",
          "JpaSpecificationExecutor",
          "Specification",
          "Predicate",
          "Root",
          "CriteriaBuilder",
          "CriteriaQuery",
          "Page",
          "PageRequest",
          "Pageable",
          "Sort",
          "Test",
          "BeforeEach",
          "Autowired",
          "SpringBootTest",
          "AutoConfigureMockMvc",
          "MockMvc",
          "ActiveProfiles",
          "Import",
          "JsonPath",
          "MvcResult",
          "ResultActions",
          "MediaType",
          "JdbcTemplate",
          "Component",
          "Service",
          "Bean",
          "Configuration",
          "SpringApplication",
          "SpringBootApplication",
          "ProblemDetail",
          "ResponseEntity",
          "HttpHeaders",
          "HttpStatusCode",
          "WebRequest",
          "Nullable",
          "ExceptionHandler",
          "RestControllerAdvice",
          "ResponseEntityExceptionHandler",
          "MethodArgumentNotValidException",
          "HttpMessageNotReadableException",
          "DataIntegrityViolationException",
          "JacksonException",
          "FieldError",
          "Comparator",
          "Matchers",
          "Assertions",
          "Value",
          "SecretKey",
          "SecretKeySpec",
          "StandardCharsets");

  /**
   * Java's keywords and literals (Java 17, contextual ones such as {@code record} and {@code var}
   * included): the Java identifier gets a trailing underscore, the JSON and column names stay.
   */
  static final Set<String> JAVA_KEYWORDS =
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
  static final Set<String> JAVA_LANG_TYPES =
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

  /**
   * Names a record component may not have (JLS 8.10.1: they would override {@code Object}'s
   * methods), which request and response records would otherwise get.
   */
  static final Set<String> RECORD_FORBIDDEN =
      Set.of(
          "clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait");

  private JavaNames() {}

  /** {@code name} as a Java field, parameter or record component name. */
  public static String member(String name) {
    return JAVA_KEYWORDS.contains(name) || RECORD_FORBIDDEN.contains(name) ? name + "_" : name;
  }

  /**
   * The part after {@code get} and {@code set} of the accessors of {@code name}: its first letter
   * in upper case, and a trailing underscore where {@code get...} would be {@code Object}'s final
   * {@code getClass()}.
   */
  public static String accessor(String name) {
    String accessor = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    return accessor.equals("Class") ? accessor + "_" : accessor;
  }

  /**
   * The stem of the classes generated for each entity of {@code spec} ({@code <stem>Controller},
   * {@code <stem>Repository}, {@code <stem>Request}, {@code <stem>Response}, {@code
   * <stem>ApiTests}), in spec order: the entity's PascalCase name, with {@code Entity} appended
   * while one of those names is a class the generated code declares or imports itself (an entity
   * {@code OpenApi} would otherwise get a second {@code OpenApiController}, {@code List} a second
   * {@code ListResponse}).
   */
  public static Map<Identifier, String> stems(ProjectSpec spec) {
    Map<Identifier, String> out = new LinkedHashMap<>();
    for (EntitySpec entity : spec.entities()) {
      String stem = entity.name().pascal();
      while (derivesGenerated(stem)) {
        stem = stem + "Entity";
      }
      out.put(entity.name(), stem);
    }
    return out;
  }

  private static boolean derivesGenerated(String stem) {
    return DERIVED_SUFFIXES.stream().anyMatch(suffix -> GENERATED_TYPES.contains(stem + suffix));
  }

  /** The Java class name of every entity of {@code spec}, in spec order. */
  public static Map<Identifier, String> entityClasses(ProjectSpec spec) {
    Map<Identifier, String> stems = stems(spec);
    Set<String> taken = new HashSet<>(GENERATED_TYPES);
    taken.addAll(JAVA_LANG_TYPES);
    for (String stem : stems.values()) {
      for (String suffix : DERIVED_SUFFIXES) {
        taken.add(stem + suffix);
      }
    }
    Map<Identifier, String> out = new LinkedHashMap<>();
    Set<String> entityNames = new HashSet<>();
    spec.entities().forEach(e -> entityNames.add(e.name().pascal()));
    for (EntitySpec entity : spec.entities()) {
      String candidate = stems.get(entity.name());
      while (taken.contains(candidate)
          || (!candidate.equals(entity.name().pascal()) && entityNames.contains(candidate))) {
        candidate = candidate + "Entity";
      }
      taken.add(candidate);
      out.put(entity.name(), candidate);
    }
    return out;
  }

  /** The Java package segment for a project name: its snake form, a keyword gets {@code _}. */
  public static String packageSegment(Identifier project) {
    return member(project.snake());
  }
}
