package io.backforge.templates.spec;

import io.backforge.templates.pack.StackPack;
import io.backforge.templates.pack.StackPacks;
import java.util.regex.Pattern;

/**
 * A target stack a project can be generated for, named by its catalog id ({@code flask}). Which
 * stacks there are is up to the stack packs found on the class path ({@link StackPacks}); a value
 * of this type names one of them or, built directly, any well-formed id.
 *
 * @param json the id, as specs and the catalog spell it
 */
public record Stack(String json) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  public Stack {
    if (json == null || !ID.matcher(json).matches()) {
      throw new IllegalArgumentException("not a stack id: " + json);
    }
  }

  /** The stack spelled {@code json} among the packs there are, or {@code null} when none is. */
  public static Stack fromJson(String json) {
    return StackPacks.find(json).map(StackPack::stack).orElse(null);
  }

  /** Every stack the packs contribute, in their registration order. */
  public static Stack[] values() {
    return StackPacks.all().stream().map(StackPack::stack).toArray(Stack[]::new);
  }

  @Override
  public String toString() {
    return json;
  }
}
