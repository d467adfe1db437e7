package io.backforge.api.web;

import io.backforge.templates.pack.StackPacks;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The wizard's draft of a spec, kept in the session between steps: mutable and bindable, holding
 * exactly what was typed (numbers as text), so nothing entered is lost before it validates. Its
 * property paths mirror the spec's JSON pointers ({@code /entities/1/fields/0/name} is {@code
 * entities[1].fields[0].name}).
 */
public class SpecDraft implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  private String name = "";
  private String description = "";
  private String stack = StackPacks.first().stack().json();
  private String database = "postgresql";
  private List<EntityForm> entities = new ArrayList<>();
  private FeaturesForm features = new FeaturesForm();
  private AiForm ai = new AiForm();
  private String verify = "";
  private long revision;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getStack() {
    return stack;
  }

  public void setStack(String stack) {
    this.stack = stack;
  }

  public String getDatabase() {
    return database;
  }

  public void setDatabase(String database) {
    this.database = database;
  }

  public List<EntityForm> getEntities() {
    return entities;
  }

  public void setEntities(List<EntityForm> entities) {
    this.entities = entities;
  }

  public FeaturesForm getFeatures() {
    return features;
  }

  public void setFeatures(FeaturesForm features) {
    this.features = features;
  }

  public AiForm getAi() {
    return ai;
  }

  public void setAi(AiForm ai) {
    this.ai = ai;
  }

  /** The spec's {@code verify}: {@code "true"}, {@code "false"}, or empty for the platform's. */
  public String getVerify() {
    return verify;
  }

  public void setVerify(String verify) {
    this.verify = verify == null ? "" : verify;
  }

  /**
   * The newest revision of the form bound so far (the page's clock when it sent the form), so that
   * a check still under way when the step is posted cannot bind older values over newer ones. Not a
   * bean property: the binder never sets it.
   */
  long revision() {
    return revision;
  }

  void revise(long revision) {
    this.revision = revision;
  }

  /** An entity with its fields and relations. */
  public static class EntityForm implements Serializable {
    @Serial private static final long serialVersionUID = 1L;

    private String name = "";
    private String description = "";
    private List<FieldForm> fields = new ArrayList<>();
    private List<RelationForm> relations = new ArrayList<>();
    private String unique = "";

    /**
     * The unique groups as typed: groups separated by {@code ;}, members by {@code +}, such as
     * {@code name+owner; day+slot+vet}.
     */
    public String getUnique() {
      return unique;
    }

    public void setUnique(String unique) {
      this.unique = unique == null ? "" : unique;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getDescription() {
      return description;
    }

    public void setDescription(String description) {
      this.description = description;
    }

    public List<FieldForm> getFields() {
      return fields;
    }

    public void setFields(List<FieldForm> fields) {
      this.fields = fields;
    }

    public List<RelationForm> getRelations() {
      return relations;
    }

    public void setRelations(List<RelationForm> relations) {
      this.relations = relations;
    }
  }

  /** A field: name, type and constraints, as typed. */
  public static class FieldForm implements Serializable {
    @Serial private static final long serialVersionUID = 1L;

    private String name = "";
    private String type = "string";
    private boolean required;
    private boolean unique;
    private String min = "";
    private String max = "";
    private String minLength = "";
    private String maxLength = "";
    private String pattern = "";
    private String values = "";
    private String defaultValue = "";
    private String description = "";

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getType() {
      return type;
    }

    public void setType(String type) {
      this.type = type;
    }

    public boolean isRequired() {
      return required;
    }

    public void setRequired(boolean required) {
      this.required = required;
    }

    public boolean isUnique() {
      return unique;
    }

    public void setUnique(boolean unique) {
      this.unique = unique;
    }

    public String getMin() {
      return min;
    }

    public void setMin(String min) {
      this.min = min;
    }

    public String getMax() {
      return max;
    }

    public void setMax(String max) {
      this.max = max;
    }

    public String getMinLength() {
      return minLength;
    }

    public void setMinLength(String minLength) {
      this.minLength = minLength;
    }

    public String getMaxLength() {
      return maxLength;
    }

    public void setMaxLength(String maxLength) {
      this.maxLength = maxLength;
    }

    public String getPattern() {
      return pattern;
    }

    public void setPattern(String pattern) {
      this.pattern = pattern;
    }

    /** The field's {@code default} as typed; the bean property is {@code default}. */
    public String getDefault() {
      return defaultValue;
    }

    public void setDefault(String defaultValue) {
      this.defaultValue = defaultValue == null ? "" : defaultValue;
    }

    public String getValues() {
      return values;
    }

    public void setValues(String values) {
      this.values = values;
    }

    public String getDescription() {
      return description;
    }

    public void setDescription(String description) {
      this.description = description;
    }
  }

  /** A relation to another entity. */
  public static class RelationForm implements Serializable {
    @Serial private static final long serialVersionUID = 1L;

    private String name = "";
    private String kind = "many-to-one";
    private String target = "";
    private boolean required;
    private String mappedBy = "";
    private String onDelete = "restrict";

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getKind() {
      return kind;
    }

    public void setKind(String kind) {
      this.kind = kind;
    }

    public String getTarget() {
      return target;
    }

    public void setTarget(String target) {
      this.target = target;
    }

    public boolean isRequired() {
      return required;
    }

    public void setRequired(boolean required) {
      this.required = required;
    }

    public String getMappedBy() {
      return mappedBy;
    }

    public void setMappedBy(String mappedBy) {
      this.mappedBy = mappedBy;
    }

    /** What deleting the target does to this row: restrict, cascade or set-null. */
    public String getOnDelete() {
      return onDelete;
    }

    public void setOnDelete(String onDelete) {
      this.onDelete = onDelete == null || onDelete.isBlank() ? "restrict" : onDelete;
    }
  }

  /** The optional features. */
  public static class FeaturesForm implements Serializable {
    @Serial private static final long serialVersionUID = 1L;

    private String auth = "none";
    private boolean pagination = true;
    private boolean openapi = true;
    private boolean docker;
    private boolean tests = true;

    public String getAuth() {
      return auth;
    }

    public void setAuth(String auth) {
      this.auth = auth;
    }

    public boolean isPagination() {
      return pagination;
    }

    public void setPagination(boolean pagination) {
      this.pagination = pagination;
    }

    public boolean isOpenapi() {
      return openapi;
    }

    public void setOpenapi(boolean openapi) {
      this.openapi = openapi;
    }

    public boolean isDocker() {
      return docker;
    }

    public void setDocker(boolean docker) {
      this.docker = docker;
    }

    public boolean isTests() {
      return tests;
    }

    public void setTests(boolean tests) {
      this.tests = tests;
    }
  }

  /** AI enrichment options. */
  public static class AiForm implements Serializable {
    @Serial private static final long serialVersionUID = 1L;

    private boolean enrich;
    private String instructions = "";

    public boolean isEnrich() {
      return enrich;
    }

    public void setEnrich(boolean enrich) {
      this.enrich = enrich;
    }

    public String getInstructions() {
      return instructions;
    }

    public void setInstructions(String instructions) {
      this.instructions = instructions;
    }
  }
}
