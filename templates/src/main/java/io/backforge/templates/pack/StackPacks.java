package io.backforge.templates.pack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The stack packs there are: every {@link StackPack} registered with {@link ServiceLoader} on the
 * class path of this library, loaded once, in registration order (the first is the default of new
 * drafts). Two packs claiming one stack id are a packaging error and stop the class from loading.
 */
public final class StackPacks {

  private static final Map<String, StackPack> PACKS = load();

  private StackPacks() {}

  /** Every pack, in registration order. */
  public static List<StackPack> all() {
    return List.copyOf(PACKS.values());
  }

  /** The pack of the stack with catalog id {@code id}. */
  public static Optional<StackPack> find(String id) {
    return Optional.ofNullable(id == null ? null : PACKS.get(id));
  }

  /** The pack new drafts start with: the first registered. */
  public static StackPack first() {
    return PACKS.values().iterator().next();
  }

  private static Map<String, StackPack> load() {
    Map<String, StackPack> packs = new LinkedHashMap<>();
    for (StackPack pack : ServiceLoader.load(StackPack.class, StackPack.class.getClassLoader())) {
      StackPack earlier = packs.putIfAbsent(pack.stack().json(), pack);
      if (earlier != null) {
        throw new IllegalStateException(
            "two stack packs for "
                + pack.stack().json()
                + ": "
                + earlier.getClass().getName()
                + " and "
                + pack.getClass().getName());
      }
    }
    if (packs.isEmpty()) {
      throw new IllegalStateException("no stack pack is registered");
    }
    return packs;
  }
}
