package io.backforge.templates.spec;

/**
 * The size and count limits of a spec. {@link SpecValidator} enforces them and the API catalog
 * shows them, so clients can check a spec before sending it.
 */
public final class Limits {

  /** Largest accepted spec document in bytes, checked before parsing. */
  public static final int MAX_SPEC_BYTES = 256 * 1024;

  /** Deepest nesting of arrays and objects; a valid spec needs six levels. */
  public static final int MAX_NESTING_DEPTH = 16;

  /** Longest number literal in characters, so that parsing numbers stays cheap. */
  public static final int MAX_NUMBER_LENGTH = 64;

  /** Most entities in one spec. */
  public static final int MAX_ENTITIES = 100;

  /** Most fields in one entity. */
  public static final int MAX_FIELDS_PER_ENTITY = 60;

  /** Most relations declared by one entity. */
  public static final int MAX_RELATIONS_PER_ENTITY = 20;

  /** Longest name of a project, entity, field or relation. */
  public static final int MAX_NAME_LENGTH = Identifier.MAX_LENGTH;

  /** Longest description of a project, entity or field, in characters. */
  public static final int MAX_DESCRIPTION_LENGTH = 1000;

  /** Longest regular expression of a string field, in characters. */
  public static final int MAX_PATTERN_LENGTH = 200;

  /** Most values of an enum field. */
  public static final int MAX_ENUM_VALUES = 50;

  /** Longest value of an enum field, in characters. */
  public static final int MAX_ENUM_VALUE_LENGTH = 60;

  /** Largest {@code maxLength} of a string or text field. */
  public static final int MAX_STRING_LENGTH = 10_000;

  /** Most digits after the decimal point in a {@code min} or {@code max} of a decimal field. */
  public static final int MAX_DECIMAL_SCALE = 10;

  /** Longest AI instructions, in characters. */
  public static final int MAX_INSTRUCTIONS_LENGTH = 2000;

  private Limits() {}
}
