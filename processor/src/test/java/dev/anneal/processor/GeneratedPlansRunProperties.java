package dev.anneal.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.anneal.param.FloatStorage;
import dev.anneal.param.Parameter;
import dev.anneal.plan.TrainingPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated plans are accepted by the real runtime: for random valid models whose fields hold
 * parameters, the generated {@code plan(model, stepsPerEpoch)} builds and runs two epochs. This
 * catches specs the runtime's factories would refuse (argument names, types), which compiling
 * alone cannot.
 */
class GeneratedPlansRunProperties {

  @Property(tries = 60)
  void generatedPlanBuildsAndRuns(@ForAll("models") String source) throws Exception {
    Compilation compilation = Compiler.javac().withProcessors(new AnnealProcessor())
        .compile(JavaFileObjects.forSourceString("test.M", source));
    Statistics.label("compiled").collect(compilation.status() == Compilation.Status.SUCCESS);
    Statistics.label("compiled").coverage(coverage -> coverage.check(true).percentage(p -> p > 80));
    if (compilation.status() != Compilation.Status.SUCCESS) {
      Statistics.label("why").collect(compilation.errors().get(0).getMessage(null).replaceAll("^.*\\[anneal:", "").replaceAll("].*", ""));
      return; // tame models may still hit a rule (e.g. a milestone vs. a short training); RandomAnnotationsProperties covers errors
    }
    ClassLoader loader = new GeneratedClassLoader(compilation, getClass().getClassLoader());
    Class<?> modelClass = loader.loadClass("test.M");
    var constructor = modelClass.getDeclaredConstructor();
    constructor.setAccessible(true); // the model class is package-private, as users write them
    Object model = constructor.newInstance();
    Method plan = loader.loadClass("test.MTraining").getMethod("plan", modelClass, int.class);
    TrainingPlan trainingPlan;
    try {
      trainingPlan = (TrainingPlan) plan.invoke(null, model, 5);
    } catch (InvocationTargetException e) {
      throw new AssertionError("the generated plan does not build:\n" + source, e.getCause());
    }
    try {
      for (int epoch = 0; epoch < 2; epoch++) {
        trainingPlan.startEpoch();
        for (int batch = 0; batch < 5 * trainingPlan.accumulate(); batch++) {
          for (Parameter p : trainingPlan.parameters()) {
            p.setGrad(FloatStorage.wrap(new float[p.size()]));
          }
          trainingPlan.afterBackward();
        }
        trainingPlan.endEpoch(Map.of("val_loss", 1.0));
      }
    } catch (RuntimeException e) {
      throw new AssertionError("the generated plan does not run:\n" + source, e);
    }
  }

  @Provide
  Arbitrary<String> models() {
    return Arbitraries.randomValue(random -> RandomAnnotationsProperties.tameModel(random)
        .replaceAll("  ((?:@[^;]*\\) )*)(Layer\\[\\]|Layer|Parameter|List<Parameter>|List<Layer>|ParameterSource) (f\\d);",
            "  $1$2 $3 = Fields.$3_$2;")
        .replace("Fields.", "test.Fields.").replace("test.test.Fields.", "test.Fields.") // @LambdaSchedule names test.Fields.Halving already
        .replace("_List<Parameter>", "_parameterList").replace("_List<Layer>", "_layerList")
        .replace("_Layer[]", "_layerArray").replace("_ParameterSource", "_source").replace("_Layer", "_layer").replace("_Parameter", "_parameter")
        .replaceAll("test\\.Fields\\.(f\\d)_(\\w+)", "test.Fields.$2(\"$1\")"));
  }

  /** Loads the classes of one compilation from memory. */
  static final class GeneratedClassLoader extends ClassLoader {
    private final Map<String, JavaFileObject> classes = new HashMap<>();

    GeneratedClassLoader(Compilation compilation, ClassLoader parent) {
      super(parent);
      for (JavaFileObject file : compilation.generatedFiles()) {
        if (file.getKind() == JavaFileObject.Kind.CLASS) {
          String name = file.getName().replaceFirst("^/?CLASS_OUTPUT/", "").replace(".class", "").replace('/', '.');
          classes.put(name, file);
        }
      }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      JavaFileObject file = classes.get(name);
      if (file == null) {
        throw new ClassNotFoundException(name);
      }
      try (InputStream in = file.openInputStream()) {
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
