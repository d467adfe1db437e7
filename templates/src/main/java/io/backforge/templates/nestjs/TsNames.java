package io.backforge.templates.nestjs;

import io.backforge.templates.spec.Identifier;
import java.util.Set;

/**
 * TypeScript names for the names of a spec. Names are never rejected for TypeScript: an entity
 * class named like something the generated files import or use themselves ({@code Entity}, {@code
 * Date}, {@code Module}) gets a trailing underscore (no spec name has one, so the result is
 * unique), and so does a controller named like one of the app's own, and an entity property named
 * like a member every object has ({@code toString}). File stems that a fixed file of the project
 * already uses get {@code -entity}. Other properties, JSON keys, query parameters and columns keep
 * the spec's names: TypeScript allows reserved words as property names.
 */
final class TsNames {

  /** Pascal-case names the generated files import, declare or use next to the entity classes. */
  static final Set<String> TAKEN_CLASSES =
      Set.of(
          "Array",
          "AuthAccount",
          "AuthController",
          "BearerGuard",
          "BigInt",
          "Boolean",
          "Buffer",
          "Check",
          "Column",
          "Config",
          "Controller",
          "CrudService",
          "DataSourceOptions",
          "Date",
          "Delete",
          "DynamicModule",
          "Entity",
          "Error",
          "Function",
          "Get",
          "HealthController",
          "HttpCode",
          "Index",
          "JoinColumn",
          "JSON",
          "JwtModule",
          "ManyToOne",
          "Map",
          "Math",
          "Module",
          "Number",
          "Object",
          "OpenApiController",
          "Param",
          "Partial",
          "Patch",
          "Post",
          "PrimaryGeneratedColumn",
          "Promise",
          "Put",
          "Record",
          "RegExp",
          "Relation",
          "Req",
          "Request",
          "Res",
          "Response",
          "Set",
          "SqlJsInit",
          "String",
          "Symbol",
          "TimestampColumn",
          "TypeOrmModule",
          "Unique",
          "UseGuards");

  /** Stems of the project's fixed source and test files and folders. */
  static final Set<String> TAKEN_STEMS =
      Set.of("auth", "health", "hostile", "migrations", "openapi");

  /**
   * Members every object has: a class property of one of these names clashes with {@code Object}'s
   * (a decorator's target must still be an {@code Object}).
   */
  static final Set<String> OBJECT_MEMBERS =
      Set.of(
          "constructor",
          "hasOwnProperty",
          "isPrototypeOf",
          "propertyIsEnumerable",
          "toLocaleString",
          "toString",
          "valueOf");

  private TsNames() {}

  /** The entity property of a field or relation named {@code name}. */
  static String property(Identifier name) {
    String camel = name.camel();
    return OBJECT_MEMBERS.contains(camel) ? camel + "_" : camel;
  }

  /** The entity class of an entity named {@code name}. */
  static String entityClass(Identifier name) {
    String pascal = name.pascal();
    return TAKEN_CLASSES.contains(pascal) ? pascal + "_" : pascal;
  }

  /** The controller class of an entity named {@code name}. */
  static String controllerClass(Identifier name) {
    String controller = name.pascal() + "Controller";
    return TAKEN_CLASSES.contains(controller) ? controller + "_" : controller;
  }

  /** The constant holding the resource descriptor of an entity named {@code name}. */
  static String resourceConstant(Identifier name) {
    return name.snake().toUpperCase(java.util.Locale.ROOT);
  }

  /** The folder and file stem of an entity named {@code name}: {@code src/<stem>/<stem>.*.ts}. */
  static String stem(Identifier name) {
    String kebab = name.kebab();
    return TAKEN_STEMS.contains(kebab) ? kebab + "-entity" : kebab;
  }
}
