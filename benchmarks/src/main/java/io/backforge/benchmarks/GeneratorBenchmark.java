package io.backforge.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The generator alone (parse + validate + render + zip) on library.json, shop.json and a spec of 40
 * entities of 15 fields. Budgets: 5 ms, 10 ms and 100 ms on our 2-core machines.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GeneratorBenchmark {

  @Param({
    "library",
    "shop",
    "synthetic-40x15",
    "library@spring-boot",
    "shop@spring-boot",
    "synthetic-40x15@spring-boot"
  })
  public String spec;

  private byte[] json;
  private Pipeline pipeline;

  /** Loads the spec and prints what it produces. */
  @Setup
  public void load() {
    json = Pipeline.spec(spec);
    pipeline = new Pipeline();
    Pipeline.Output output = pipeline.run(json);
    System.out.printf(
        "%n%s: %d bytes of spec -> %d files, zip %d bytes%n",
        spec, json.length, output.files(), output.zip().length);
  }

  /** The whole in-process path. */
  @Benchmark
  public byte[] parseValidateRenderZip() {
    return pipeline.run(json).zip();
  }
}
