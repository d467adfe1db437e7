package io.backforge.benchmarks;

import java.util.Arrays;

/**
 * Prints how generation time and zip size grow with the number of entities (15 fields each): a
 * table for 1, 10, 50 and 100 entities, with the cost per entity, which should stay flat. The
 * optional argument names the stack ({@code flask}, the default, or {@code spring-boot}).
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.backforge.benchmarks.ScalingReport
 * [stack]}
 */
public final class ScalingReport {

  private ScalingReport() {}

  /** Runs the report. */
  public static void main(String[] args) {
    String stack = args.length > 0 ? args[0] : "flask";
    int[] sizes = {1, 10, 50, 100};
    Pipeline pipeline = new Pipeline();
    for (int round = 0; round < 3; round++) {
      for (int size : sizes) {
        pipeline.run(spec(size, stack));
      }
    }
    System.out.println("stack: " + stack);
    System.out.println("| entities | files | zip bytes | median ms | p90 ms | ms per entity |");
    System.out.println("|---:|---:|---:|---:|---:|---:|");
    for (int size : sizes) {
      byte[] json = spec(size, stack);
      int runs = size >= 50 ? 15 : 40;
      double[] millis = new double[runs];
      Pipeline.Output output = null;
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        output = pipeline.run(json);
        millis[i] = (System.nanoTime() - start) / 1e6;
      }
      Arrays.sort(millis);
      double median = millis[runs / 2];
      System.out.printf(
          "| %d | %d | %d | %.2f | %.2f | %.3f |%n",
          size,
          output.files(),
          output.zip().length,
          median,
          millis[(int) (runs * 0.9)],
          median / size);
    }
  }

  private static byte[] spec(int entities, String stack) {
    String name = "synthetic-" + entities + "x15";
    return Pipeline.spec(stack.equals("flask") ? name : name + "@" + stack);
  }
}
