package io.backforge.templates.springboot;

import io.backforge.templates.spec.EntitySpec;
import io.backforge.templates.spec.Identifier;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.ReservedWords;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Java identifiers for the names of a spec. Names are never rejected for Java: a keyword gets a
 * trailing underscore (no spec name ends with one, so the result is unique and reversible), and an
 * entity whose class name would shadow a {@code java.lang} type, a type the generated code imports
 * or a class it derives from another entity gets the suffix {@code Entity}. JSON keys, tables and
 * columns keep the spec's names.
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

  private JavaNames() {}

  /** {@code name} as a Java field, parameter or record component name. */
  public static String member(String name) {
    return ReservedWords.JAVA_KEYWORDS.contains(name) ? name + "_" : name;
  }

  /** The Java class name of every entity of {@code spec}, in spec order. */
  public static Map<Identifier, String> entityClasses(ProjectSpec spec) {
    Set<String> taken = new HashSet<>(GENERATED_TYPES);
    taken.addAll(ReservedWords.JAVA_LANG_TYPES);
    for (EntitySpec entity : spec.entities()) {
      for (String suffix : DERIVED_SUFFIXES) {
        taken.add(entity.name().pascal() + suffix);
      }
    }
    Map<Identifier, String> out = new LinkedHashMap<>();
    Set<String> entityNames = new HashSet<>();
    spec.entities().forEach(e -> entityNames.add(e.name().pascal()));
    for (EntitySpec entity : spec.entities()) {
      String candidate = entity.name().pascal();
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
