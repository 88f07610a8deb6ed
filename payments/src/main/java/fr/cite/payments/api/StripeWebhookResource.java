package fr.cite.payments.api;

import fr.cite.payments.domain.PaymentProvider.BadNotification;
import fr.cite.payments.domain.PaymentProvider.Notification;
import fr.cite.payments.online.PaymentEvents;
import fr.cite.payments.online.PaymentJanitor;
import fr.cite.payments.stripe.StripeProvider;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.TenantRef;
import fr.cite.platform.tenancy.application.TenantWork;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Stripe's Connect webhook endpoint (one for the platform, on any host): the signature is checked
 * on the raw body, the town is the one owning the connected account the event came from, the event
 * is stored once and answered at once; processing follows in the background. A forged, stale or
 * foreign event is a 400 and changes nothing.
 */
@Path("/v1/payments/stripe/webhook")
@RequestScoped
public class StripeWebhookResource {

  private static final Logger LOG = Logger.getLogger(StripeWebhookResource.class);

  @Inject StripeProvider stripe;

  @Inject PaymentEvents events;

  @Inject PaymentJanitor janitor;

  @Inject TenantWork work;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> receive(@Context HttpHeaders headers, byte[] body) {
    Notification n;
    TenantRef town;
    try {
      String signature = headers.getHeaderString("Stripe-Signature");
      n = stripe.parse(signature == null ? Map.of() : Map.of("stripe-signature", signature), body);
      town =
          work.runAs(null, () -> events.townOf(stripe.name(), n.account()))
              .orElseThrow(() -> new BadNotification("unknown account " + n.account()));
      PaymentEvents.belongs(n, town);
    } catch (BadNotification e) {
      LOG.warnf("Stripe webhook refused: %s", e.getMessage());
      throw new ProblemException(400, "webhook-refused", e.getMessage());
    }
    Optional<Long> stored = work.runAs(town, () -> events.store(n));
    stored.ifPresent(id -> janitor.later(town, id));
    return Map.of(
        "received",
        n.eventId(),
        "duplicate",
        stored.isEmpty(),
        "type",
        n.type().toLowerCase(Locale.ROOT));
  }
}
