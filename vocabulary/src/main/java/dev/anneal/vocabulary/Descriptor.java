package dev.anneal.vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One optimizer, scheduler or loss, described once: its PyTorch class name, every keyword argument
 * ({@link Argument}), rules across arguments ({@link Constraint}), and for schedulers how they step,
 * which children they take and their closed form. {@link #check} lists every problem of a set of
 * keyword arguments; {@link #resolve} checks and fills in the defaults.
 */
public final class Descriptor {
  private final Category category;
  private final String name;
  private final String javaName;
  private final String origin;
  private final String summary;
  private final List<Argument> arguments;
  private final Map<String, Argument> byName;
  private final List<Constraint> constraints;
  private final Stepping stepping;
  private final Children children;
  private final ClosedForm closedForm;
  private final ChildrenRule childrenRule;
  private final String unsupported;
  private final List<String> positional;

  private Descriptor(Builder b) {
    this.category = b.category;
    this.name = b.name;
    this.javaName = b.javaName;
    this.origin = b.origin;
    this.summary = b.summary;
    this.arguments = List.copyOf(b.arguments);
    Map<String, Argument> map = new LinkedHashMap<>();
    for (Argument a : arguments) {
      if (map.put(a.name(), a) != null) {
        throw new IllegalArgumentException(name + " lists argument " + a.name() + " twice");
      }
    }
    this.byName = java.util.Collections.unmodifiableMap(map);
    this.constraints = List.copyOf(b.constraints);
    this.stepping = b.stepping;
    this.children = b.children;
    this.closedForm = b.closedForm;
    this.childrenRule = b.childrenRule;
    this.unsupported = b.unsupported;
    this.positional = List.copyOf(b.positional);
    for (String p : positional) {
      if (!map.containsKey(p)) {
        throw new IllegalArgumentException(name + " lists positional argument " + p + ", which is not one of its arguments");
      }
    }
  }

  public static Builder optimizer(String name) {
    return new Builder(Category.OPTIMIZER, name);
  }

  public static Builder scheduler(String name) {
    return new Builder(Category.SCHEDULER, name).stepping(Stepping.EPOCH);
  }

  public static Builder loss(String name) {
    return new Builder(Category.LOSS, name);
  }

  public Category category() {
    return category;
  }

  /** The name specs and JSON use: PyTorch's class name ({@code AdamW}, {@code CosineAnnealingLR}). */
  public String name() {
    return name;
  }

  /** The name of the typed DSL's builder ({@code AdamW}; {@code TimmCosine} for {@code timm.CosineLRScheduler}). */
  public String javaName() {
    return javaName;
  }

  /** Where it comes from: {@code torch.optim.AdamW}, {@code transformers.get_linear_schedule_with_warmup}. */
  public String origin() {
    return origin;
  }

  /** One line for docs and tables. */
  public String summary() {
    return summary;
  }

  public List<Argument> arguments() {
    return arguments;
  }

  /**
   * The arguments PyTorch's signature lets a caller pass by position, in that order, after the
   * leading {@code params} or {@code optimizer}: {@code SGD(params, 0.1, 0.9)} is lr 0.1 and
   * momentum 0.9. Empty when positions are not declared; a parser then refuses positional values.
   */
  public List<String> positional() {
    return positional;
  }

  public Optional<Argument> argument(String pythonName) {
    return Optional.ofNullable(byName.get(pythonName));
  }

  public List<Constraint> constraints() {
    return constraints;
  }

  /** How a scheduler is meant to step; {@code null} for optimizers and losses. */
  public Stepping stepping() {
    return stepping;
  }

  public Children children() {
    return children;
  }

  /** The closed form, when the schedule has one. */
  public Optional<ClosedForm> closedForm() {
    return Optional.ofNullable(closedForm);
  }

  /** Why Anneal refuses this PyTorch class (SparseAdam), or empty when it is supported. */
  public Optional<String> unsupported() {
    return Optional.ofNullable(unsupported);
  }

  /** Every problem of these keyword arguments (PyTorch names; None as null); empty when they are valid. */
  public List<Problem> check(Map<String, ?> kwargs) {
    List<Problem> problems = new ArrayList<>();
    resolve(kwargs, problems);
    return problems;
  }

  /**
   * Every problem of these keyword arguments for a schedule with {@code children} child schedules:
   * also how many children it takes ({@link #children()}) and rules between arguments and children
   * (SequentialLR takes one milestone fewer than children).
   */
  public List<Problem> check(Map<String, ?> kwargs, int children) {
    List<Problem> problems = check(kwargs);
    if (!this.children.accepts(children)) {
      problems.add(new Problem("", Problem.Reason.CONFLICT, switch (this.children) {
        case NONE -> name + " takes no child schedules; only SequentialLR, ChainedScheduler and warmups do";
        case AT_MOST_ONE -> name + " takes at most one following schedule, got " + children
            + "; compose them with SequentialLR or ChainedScheduler";
        case AT_LEAST_ONE -> name + " needs its child schedules";
      }));
    } else if (problems.isEmpty() && childrenRule != null) {
      ChildrenRule.Verdict verdict = childrenRule.check(resolve(kwargs), children);
      if (verdict != null) {
        problems.add(new Problem(verdict.argument(), Problem.Reason.CONFLICT, name + " " + verdict.message()));
      }
    }
    return problems;
  }

  /** A rule between a schedule's arguments and its number of children. */
  @FunctionalInterface
  public interface ChildrenRule {
    /** The problem, or null. */
    Verdict check(Values values, int children);

    /** A problem with the argument it is about. */
    record Verdict(String argument, String message) {}
  }

  /** The checked arguments with defaults filled in; throws {@link DescriptorException} naming every problem. */
  public Values resolve(Map<String, ?> kwargs) {
    List<Problem> problems = new ArrayList<>();
    Values values = resolve(kwargs, problems);
    if (!problems.isEmpty()) {
      throw new DescriptorException(problems);
    }
    return values;
  }

  /**
   * Checks one argument alone (a group override, a typed setter): the problem, or null when valid.
   * An unknown name gets the did-you-mean.
   */
  public Problem checkOne(String argumentName, Object value) {
    Argument a = byName.get(argumentName);
    if (a == null) {
      return unknown(argumentName);
    }
    String problem = a.problem(value);
    if (problem == null) {
      return null;
    }
    boolean outOfRange = value != null && (problem.startsWith("must be in") || problem.startsWith("must be one of")
        || problem.startsWith("must be increasing") || problem.startsWith("element "));
    return new Problem(a.name(), outOfRange ? Problem.Reason.OUT_OF_RANGE : Problem.Reason.WRONG_KIND, name + " " + a.name() + " " + problem);
  }

  /** The problem for a name this descriptor does not have, with the closest names it does have. */
  public Problem unknown(String argumentName) {
    List<String> names = arguments.stream().map(Argument::name).toList();
    return new Problem(argumentName, Problem.Reason.UNKNOWN,
        name + " has no argument " + argumentName + Suggestions.didYouMean(argumentName, names) + "; it takes " + names);
  }

  private Values resolve(Map<String, ?> kwargs, List<Problem> problems) {
    if (unsupported != null) {
      problems.add(new Problem("", Problem.Reason.UNSUPPORTED, name + " is not supported: " + unsupported));
      return new Values(this, Map.of(), Set.of());
    }
    Map<String, Object> values = new LinkedHashMap<>();
    Set<String> given = new LinkedHashSet<>();
    boolean valid = true;
    for (Map.Entry<String, ?> entry : kwargs.entrySet()) {
      Problem p = checkOne(entry.getKey(), entry.getValue());
      if (p != null) {
        problems.add(p);
        valid = false;
      }
    }
    for (Argument a : arguments) {
      if (kwargs.containsKey(a.name())) {
        given.add(a.name());
        if (a.problem(kwargs.get(a.name())) == null) {
          values.put(a.name(), a.normalize(kwargs.get(a.name())));
        }
      } else if (a.hasDefault()) {
        values.put(a.name(), a.defaultValue());
      } else {
        valid = false;
        String why = a.presence() == Presence.DERIVED_FROM_LENGTH
            ? " (annotations derive it from the training's length; a spec must give it)" : "";
        problems.add(new Problem(a.name(), Problem.Reason.MISSING, name + " needs argument " + a.name() + why));
      }
    }
    Values resolved = new Values(this, values, given);
    if (valid) {
      for (Constraint c : constraints) {
        String problem = c.rule().check(resolved);
        if (problem != null) {
          problems.add(new Problem(c.arguments().get(0), Problem.Reason.CONFLICT, name + " " + problem));
        }
      }
    }
    return resolved;
  }

  /**
   * The lr curve of this schedule for these arguments and child curves, or empty when it has no
   * closed form (for these arguments). Throws {@link DescriptorException} for invalid arguments.
   */
  public Optional<LrCurve> curve(Map<String, ?> kwargs, List<LrCurve> childCurves) {
    if (closedForm == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(closedForm.curve(resolve(kwargs), childCurves));
  }

  @Override
  public String toString() {
    return category.noun() + " " + name + arguments;
  }

  /** Builds a descriptor; the built-in tables are written with it, and so are users' own. */
  public static final class Builder {
    private final Category category;
    private final String name;
    private String javaName;
    private String origin;
    private String summary = "";
    private final List<Argument> arguments = new ArrayList<>();
    private final List<Constraint> constraints = new ArrayList<>();
    private Stepping stepping;
    private Children children = Children.NONE;
    private ClosedForm closedForm;
    private ChildrenRule childrenRule;
    private String unsupported;
    private final List<String> positional = new ArrayList<>();

    private Builder(Category category, String name) {
      this.category = category;
      this.name = Objects.requireNonNull(name, "name");
      this.javaName = name.replace(".", "");
      this.origin = name;
    }

    public Builder javaName(String value) {
      this.javaName = value;
      return this;
    }

    public Builder origin(String value) {
      this.origin = value;
      return this;
    }

    public Builder summary(String value) {
      this.summary = value;
      return this;
    }

    /** The arguments PyTorch takes by position, in its signature's order (see {@link Descriptor#positional()}). */
    public Builder positional(String... names) {
      positional.addAll(List.of(names));
      return this;
    }

    public Builder arg(Argument argument) {
      arguments.add(argument);
      return this;
    }

    public Builder args(List<Argument> more) {
      arguments.addAll(more);
      return this;
    }

    public Builder constraint(Constraint constraint) {
      constraints.add(constraint);
      return this;
    }

    public Builder stepping(Stepping value) {
      this.stepping = value;
      return this;
    }

    public Builder children(Children value) {
      this.children = value;
      return this;
    }

    public Builder closedForm(ClosedForm value) {
      this.closedForm = value;
      return this;
    }

    public Builder childrenRule(ChildrenRule value) {
      this.childrenRule = value;
      return this;
    }

    /** Marks the class as known but refused, with the reason users will read. */
    public Builder unsupported(String reason) {
      this.unsupported = reason;
      return this;
    }

    public Descriptor build() {
      return new Descriptor(this);
    }
  }
}
