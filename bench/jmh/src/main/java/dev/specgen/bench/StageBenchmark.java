package dev.specgen.bench;

import dev.specgen.contract.Contract;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.load.LoadedSpec;
import dev.specgen.load.SpecLoader;
import dev.specgen.load.SpecPaths;
import dev.specgen.modeldoc.ModelDoc;
import dev.specgen.render.GeneratedFile;
import dev.specgen.render.Renderer;
import dev.specgen.resolve.Resolver;
import dev.specgen.resolve.ServiceModel;
import dev.specgen.validate.Validator;
import dev.specgen.write.OutputWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * Each pipeline stage alone, warm: load, validate, resolve, render, write. The spec folder is a
 * parameter: the todo example, or a synthetic one from bench/synth.py (-p spec=/tmp/spec-100).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StageBenchmark {
    @Param({"examples/todo"})
    public String spec;

    private SpecPaths paths;
    private LoadedSpec loaded;
    private ServiceModel service;
    private List<GeneratedFile> files;
    private Path out;

    @Setup
    public void setUp() throws IOException {
        paths = SpecPaths.locate(Path.of(spec), null, null);
        loaded = new SpecLoader().load(paths, new Diagnostics());
        service = resolve();
        files = new Renderer().render(service);
        out = Files.createTempDirectory("specgen-jmh-");
    }

    @Benchmark
    public LoadedSpec load() {
        return new SpecLoader().load(paths, new Diagnostics());
    }

    @Benchmark
    public Diagnostics validate() {
        Diagnostics diagnostics = new Diagnostics();
        new Validator().validate(loaded, diagnostics);
        return diagnostics;
    }

    @Benchmark
    public ServiceModel resolve() {
        return new Resolver(new ModelDoc(loaded.model().orElseThrow()), new Contract(loaded.contract().orElseThrow()))
                .resolve();
    }

    @Benchmark
    public List<GeneratedFile> render() {
        return new Renderer().render(service);
    }

    /** Writing over an up-to-date output: the common case in a pre-commit hook. */
    @Benchmark
    public Object write() throws IOException {
        OutputWriter writer = new OutputWriter();
        var plan = writer.plan(out, files);
        writer.apply(out, files, plan);
        return plan;
    }
}
