package dev.anneal.spec.typed;

import dev.anneal.spec.TypedSpec;
import dev.anneal.vocabulary.Category;
import java.util.Arrays;
import javax.annotation.processing.Generated;

/**
 * {@code torch.optim.Muon}: Muon: momentum orthogonalized by Newton-Schulz, for 2-D parameters (PyTorch 2.9).
 */
@Generated("dev.anneal.spec.typed.TypedSpecWriter")
public final class Muon extends TypedSpec<Muon> {
  private Muon() {
    super(Category.OPTIMIZER, "Muon");
  }

  /**
   * A {@code Muon} with PyTorch's defaults; each setter overrides one.
   *
   * @return the spec
   */
  public static Muon spec() {
    return new Muon();
  }

  /**
   * {@code lr}: learning rate; default 0.001; in [0, inf).
   *
   * @param lr the value of {@code lr}
   * @return this spec
   */
  public Muon lr(double lr) {
    return set("lr", lr);
  }

  /**
   * {@code weight_decay}: weight decay; default 0.1; in [0, inf).
   *
   * @param weightDecay the value of {@code weight_decay}
   * @return this spec
   */
  public Muon weightDecay(double weightDecay) {
    return set("weight_decay", weightDecay);
  }

  /**
   * {@code momentum}: momentum factor; default 0.95; in [0, inf).
   *
   * @param momentum the value of {@code momentum}
   * @return this spec
   */
  public Muon momentum(double momentum) {
    return set("momentum", momentum);
  }

  /**
   * {@code nesterov}: Nesterov momentum; default True.
   *
   * @param nesterov the value of {@code nesterov}
   * @return this spec
   */
  public Muon nesterov(boolean nesterov) {
    return set("nesterov", nesterov);
  }

  /**
   * {@code ns_coefficients}: coefficients (a, b, c) of the quintic Newton-Schulz iteration; default (3.4445, -4.775, 2.0315).
   *
   * @param first the first element of {@code ns_coefficients}
   * @param second the second element of {@code ns_coefficients}
   * @param third the third element of {@code ns_coefficients}
   * @return this spec
   */
  public Muon nsCoefficients(double first, double second, double third) {
    return set("ns_coefficients", Arrays.asList(first, second, third));
  }

  /**
   * {@code eps}: added to the norm before normalizing; default 1.0E-7; in [0, inf).
   *
   * @param eps the value of {@code eps}
   * @return this spec
   */
  public Muon eps(double eps) {
    return set("eps", eps);
  }

  /**
   * {@code ns_steps}: Newton-Schulz iterations (PyTorch refuses 100 or more); default 5; in [0, 100).
   *
   * @param nsSteps the value of {@code ns_steps}
   * @return this spec
   */
  public Muon nsSteps(int nsSteps) {
    return set("ns_steps", nsSteps);
  }

  /**
   * {@code adjust_lr_fn}: None or 'original': lr * sqrt(max(1, A/B)); 'match_rms_adamw': lr * 0.2 * sqrt(max(A, B)); default None.
   *
   * @param adjustLrFn the value of {@code adjust_lr_fn} ({@code null}: None)
   * @return this spec
   */
  public Muon adjustLrFn(AdjustLrFn adjustLrFn) {
    return set("adjust_lr_fn", adjustLrFn == null ? null : adjustLrFn.pytorchName());
  }

  /**
   * {@code use_addmm}; default False (PyTorch's implementation switch: accepted, does not change the numbers).
   *
   * @param useAddmm the value of {@code use_addmm} ({@code null}: None)
   * @return this spec
   */
  public Muon useAddmm(Boolean useAddmm) {
    return set("use_addmm", useAddmm);
  }

  /**
   * The values of {@code adjust_lr_fn}.
   */
  public enum AdjustLrFn {
    /**
     * {@code original}.
     */
    ORIGINAL("original"),

    /**
     * {@code match_rms_adamw}.
     */
    MATCH_RMS_ADAMW("match_rms_adamw");

    private final String pytorchName;

    AdjustLrFn(String pytorchName) {
      this.pytorchName = pytorchName;
    }

    /**
     * {@return the value as PyTorch spells it}
     */
    public String pytorchName() {
      return pytorchName;
    }
  }
}
