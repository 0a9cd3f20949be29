package dev.anneal.vocabulary.builtin;

import static dev.anneal.vocabulary.Argument.flag;
import static dev.anneal.vocabulary.Argument.implementation;
import static dev.anneal.vocabulary.Argument.integer;
import static dev.anneal.vocabulary.Argument.number;
import static dev.anneal.vocabulary.Argument.tuple;

import dev.anneal.vocabulary.Argument;
import dev.anneal.vocabulary.Constraint;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.Range;
import dev.anneal.vocabulary.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * The optimizers of {@code torch.optim} (PyTorch 2.9's signatures and {@code __init__} checks),
 * plus LAMB and LARS (timm's) and LayerAdaptiveAdam (the seed's). SparseAdam is known and refused.
 */
final class OptimizerDescriptors {
  private OptimizerDescriptors() {}

  private static final Range NON_NEGATIVE = Range.atLeast(0);
  private static final Range BETA = Range.closedOpen(0, 1);

  private static Argument lr(double value) {
    return number("lr", value).range(NON_NEGATIVE).doc("learning rate");
  }

  private static Argument eps(double value) {
    return number("eps", value).range(NON_NEGATIVE).doc("added to the denominator");
  }

  private static Argument weightDecay(double value) {
    return number("weight_decay", value).range(NON_NEGATIVE).doc("weight decay");
  }

  private static Argument betas() {
    return tuple("betas", 0.9, 0.999).range(BETA).doc("averaging coefficients of the gradient and its square");
  }

  private static Argument maximize() {
    return flag("maximize", false).doc("maximize the objective");
  }

  private static Argument decoupled() {
    return flag("decoupled_weight_decay", false).doc("decay the weights directly (AdamW's way) instead of adding to the gradient");
  }

  /**
   * {@code foreach}, {@code fused}, {@code capturable}, {@code differentiable}: PyTorch's
   * implementation switches, accepted on every optimizer (Anneal has one implementation) and ignored.
   */
  private static List<Argument> implementationFlags() {
    return List.of(implementation("foreach", null), implementation("fused", null), implementation("capturable", false),
        implementation("differentiable", false));
  }

  private static Descriptor.Builder torch(String name, String summary) {
    return Descriptor.optimizer(name).origin("torch.optim." + name).summary(summary);
  }

  /** SGD's and LARS's rule. */
  private static Constraint nesterov() {
    return Constraint.of(OptimizerDescriptors::nesterovProblem, "nesterov", "momentum", "dampening");
  }

  private static String nesterovProblem(Values v) {
    return v.flag("nesterov") && (v.number("momentum") <= 0 || v.number("dampening") != 0)
        ? "nesterov requires a momentum and zero dampening, was momentum=" + v.number("momentum") + ", dampening=" + v.number("dampening")
        : null;
  }

  static List<Descriptor> all() {
    List<Descriptor> all = new ArrayList<>();
    all.add(torch("SGD", "stochastic gradient descent with momentum, dampening and Nesterov").javaName("Sgd")
        .positional("lr", "momentum", "dampening", "weight_decay", "nesterov")
        .arg(lr(1e-3)).arg(number("momentum", 0.0).range(NON_NEGATIVE).doc("momentum factor"))
        .arg(number("dampening", 0.0).doc("dampening of the momentum"))
        .arg(weightDecay(0)).arg(flag("nesterov", false).doc("Nesterov momentum")).arg(maximize())
        .args(implementationFlags()).constraint(nesterov()).build());
    all.add(torch("Adam", "Adam, optionally AMSGrad and decoupled weight decay")
        .positional("lr", "betas", "eps", "weight_decay", "amsgrad")
        .arg(lr(1e-3)).arg(betas()).arg(eps(1e-8)).arg(weightDecay(0)).arg(flag("amsgrad", false).doc("AMSGrad variant"))
        .arg(maximize()).arg(decoupled()).args(implementationFlags()).build());
    all.add(torch("AdamW", "Adam with decoupled weight decay").positional("lr", "betas", "eps", "weight_decay", "amsgrad")
        .arg(lr(1e-3)).arg(betas()).arg(eps(1e-8)).arg(weightDecay(1e-2)).arg(flag("amsgrad", false).doc("AMSGrad variant"))
        .arg(maximize()).args(implementationFlags()).build());
    all.add(torch("Adagrad", "Adagrad")
        .positional("lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps", "foreach")
        .arg(lr(1e-2)).arg(number("lr_decay", 0.0).range(NON_NEGATIVE).doc("learning rate decay"))
        .arg(weightDecay(0)).arg(number("initial_accumulator_value", 0.0).range(NON_NEGATIVE).doc("initial sum of squares"))
        .arg(eps(1e-10)).arg(maximize()).args(implementationFlags()).build());
    all.add(torch("RMSprop", "RMSprop, optionally centered and with momentum").javaName("RmsProp")
        .positional("lr", "alpha", "eps", "weight_decay", "momentum", "centered")
        .arg(lr(1e-2)).arg(number("alpha", 0.99).range(NON_NEGATIVE).doc("smoothing constant"))
        .arg(eps(1e-8)).arg(weightDecay(0)).arg(number("momentum", 0.0).range(NON_NEGATIVE).doc("momentum factor"))
        .arg(flag("centered", false).doc("normalize by the estimated variance of the gradient"))
        .arg(maximize()).args(implementationFlags()).build());
    all.add(torch("Adadelta", "Adadelta").positional("lr", "rho", "eps", "weight_decay")
        .arg(lr(1.0)).arg(number("rho", 0.9).range(Range.closed(0, 1)).doc("running average coefficient"))
        .arg(eps(1e-6)).arg(weightDecay(0)).arg(maximize()).args(implementationFlags()).build());
    all.add(torch("Adamax", "Adamax (Adam with the infinity norm)").positional("lr", "betas", "eps", "weight_decay")
        .arg(lr(2e-3)).arg(betas()).arg(eps(1e-8)).arg(weightDecay(0)).arg(maximize()).args(implementationFlags()).build());
    all.add(torch("NAdam", "Adam with Nesterov momentum")
        .positional("lr", "betas", "eps", "weight_decay", "momentum_decay", "decoupled_weight_decay")
        .arg(lr(2e-3)).arg(betas()).arg(eps(1e-8)).arg(weightDecay(0))
        .arg(number("momentum_decay", 4e-3).range(NON_NEGATIVE).doc("momentum decay")).arg(decoupled())
        .arg(maximize()).args(implementationFlags()).build());
    all.add(torch("RAdam", "rectified Adam").positional("lr", "betas", "eps", "weight_decay", "decoupled_weight_decay")
        .arg(lr(1e-3)).arg(betas()).arg(eps(1e-8)).arg(weightDecay(0)).arg(decoupled())
        .arg(maximize()).args(implementationFlags()).build());
    all.add(torch("Rprop", "resilient backpropagation").positional("lr", "etas", "step_sizes")
        .arg(lr(1e-2)).arg(tuple("etas", 0.5, 1.2).elementRanges(Range.open(0, 1), Range.above(1))
            .doc("multiplicative decrease and increase factors"))
        .arg(tuple("step_sizes", 1e-6, 50.0).doc("minimal and maximal step sizes")).arg(maximize())
        .args(implementationFlags()).build());
    all.add(torch("ASGD", "averaged stochastic gradient descent").javaName("Asgd")
        .positional("lr", "lambd", "alpha", "t0", "weight_decay")
        .arg(lr(1e-2)).arg(number("lambd", 1e-4).doc("decay term")).arg(number("alpha", 0.75).doc("power for eta update"))
        .arg(number("t0", 1e6).doc("point at which to start averaging")).arg(weightDecay(0)).arg(maximize())
        .args(implementationFlags()).build());
    all.add(torch("LBFGS", "L-BFGS with optional strong-Wolfe line search (one group, needs a closure)").javaName("Lbfgs")
        .positional("lr", "max_iter", "max_eval", "tolerance_grad", "tolerance_change", "history_size", "line_search_fn")
        .arg(number("lr", 1.0).range(NON_NEGATIVE).doc("learning rate"))
        .arg(integer("max_iter", 20).range(Range.atLeast(1)).doc("iterations per step"))
        .arg(integer("max_eval", null).range(Range.atLeast(1)).doc("function evaluations per step (None: max_iter * 5 // 4)"))
        .arg(number("tolerance_grad", 1e-7).range(NON_NEGATIVE).doc("first-order optimality tolerance"))
        .arg(number("tolerance_change", 1e-9).range(NON_NEGATIVE).doc("tolerance on changes of the function value or parameters"))
        .arg(integer("history_size", 100).range(Range.atLeast(1)).doc("update history size"))
        .arg(Argument.choice("line_search_fn", "strong_wolfe").defaultsTo(null).doc("None or 'strong_wolfe'"))
        .build());
    all.add(torch("Adafactor", "Adafactor (factored second moments; PyTorch 2.5+)")
        .arg(lr(1e-2)).arg(number("beta2_decay", -0.8).range(Range.atMost(0)).doc("decay rate of the second moment, at most 0"))
        .arg(tuple("eps", null, 1e-3).range(NON_NEGATIVE).doc("(eps1, eps2): eps1 stabilizes the denominator (None: the dtype's machine epsilon), eps2 the parameter scale"))
        .arg(number("d", 1.0).range(Range.atLeast(1)).doc("clipping threshold of the update's RMS"))
        .arg(weightDecay(0)).arg(maximize()).args(implementationFlags()).build());
    all.add(torch("Muon", "Muon: momentum orthogonalized by Newton-Schulz, for 2-D parameters (PyTorch 2.9)")
        .arg(lr(1e-3)).arg(weightDecay(0.1)).arg(number("momentum", 0.95).range(NON_NEGATIVE).doc("momentum factor"))
        .arg(flag("nesterov", true).doc("Nesterov momentum"))
        .arg(tuple("ns_coefficients", 3.4445, -4.775, 2.0315).doc("coefficients (a, b, c) of the quintic Newton-Schulz iteration"))
        .arg(number("eps", 1e-7).range(NON_NEGATIVE).doc("added to the norm before normalizing"))
        .arg(integer("ns_steps", 5).range(Range.closedOpen(0, 100)).doc("Newton-Schulz iterations (PyTorch refuses 100 or more)"))
        .arg(Argument.choice("adjust_lr_fn", "original", "match_rms_adamw").defaultsTo(null)
            .doc("None or 'original': lr * sqrt(max(1, A/B)); 'match_rms_adamw': lr * 0.2 * sqrt(max(A, B))"))
        .arg(implementation("use_addmm", false))
        .build());
    all.add(Descriptor.optimizer("SparseAdam").origin("torch.optim.SparseAdam").summary("Adam for sparse gradients")
        .unsupported("it needs sparse gradients, which DJL does not give (use Adam or AdamW)").build());
    all.add(Descriptor.optimizer("LAMB").javaName("Lamb").origin("timm.optim.Lamb").summary("layer-wise adaptive moments (LAMB)")
        .arg(lr(1e-3)).arg(betas()).arg(eps(1e-6)).arg(weightDecay(0))
        .arg(flag("bias_correction", true).doc("correct the moments' bias"))
        .arg(number("trust_coefficient", 1.0).range(NON_NEGATIVE).doc("scale of the trust ratio"))
        .args(implementationFlags()).build());
    all.add(Descriptor.optimizer("LARS").javaName("Lars").origin("timm.optim.Lars").summary("layer-wise adaptive rate scaling (LARS)")
        .arg(lr(1.0)).arg(number("momentum", 0.0).range(NON_NEGATIVE).doc("momentum factor"))
        .arg(number("dampening", 0.0).doc("dampening of the momentum")).arg(weightDecay(0))
        .arg(flag("nesterov", false).doc("Nesterov momentum"))
        .arg(number("trust_coefficient", 1e-3).range(NON_NEGATIVE).doc("scale of the trust ratio"))
        .arg(eps(1e-8)).arg(flag("trust_clip", false).doc("clip the trust ratio at 1 (LARC)"))
        .arg(flag("always_adapt", false).doc("adapt the lr of parameters without weight decay too"))
        .args(implementationFlags()).constraint(nesterov()).build());
    all.add(Descriptor.optimizer("LayerAdaptiveAdam").origin("the seed's layer-adaptive Adam")
        .summary("Adam whose step is scaled per parameter by the ratio of weight and update norms")
        .arg(lr(1e-3)).arg(betas()).arg(eps(1e-8)).arg(weightDecay(0))
        .arg(number("trust_coefficient", 1.0).range(NON_NEGATIVE).doc("scale of the trust ratio"))
        .args(implementationFlags()).build());
    return all;
  }
}
