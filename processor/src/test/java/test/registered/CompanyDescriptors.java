package test.registered;

import dev.anneal.vocabulary.Argument;
import dev.anneal.vocabulary.Descriptor;
import dev.anneal.vocabulary.DescriptorProvider;
import dev.anneal.vocabulary.LrCurve;
import dev.anneal.vocabulary.Range;
import java.util.List;

/**
 * A user's own optimizer and schedule, registered with their descriptors as a library would
 * (a service file on the processor path): the processor validates annotations naming them.
 */
public final class CompanyDescriptors implements DescriptorProvider {
  @Override
  public List<Descriptor> descriptors() {
    return List.of(
        Descriptor.optimizer("SignSgd").summary("the sign of the gradient times lr")
            .arg(Argument.number("lr", 1e-3).range(Range.atLeast(0)))
            .arg(Argument.number("momentum", 0.0).range(Range.closedOpen(0, 1)))
            .build(),
        Descriptor.scheduler("HalvingLR").summary("halves the lr every period positions")
            .arg(Argument.integer("period", null).required().range(Range.atLeast(1)))
            .closedForm((v, children) -> LrCurve.proportional(t -> Math.pow(0.5, Math.floorDiv(t, v.integer("period")))))
            .build());
  }
}
