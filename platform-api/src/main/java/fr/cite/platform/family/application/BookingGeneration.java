package fr.cite.platform.family.application;

import fr.cite.platform.tenancy.application.TenantContext;
import fr.cite.platform.tenancy.application.TenantRef;
import fr.cite.platform.tenancy.application.TenantWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Generates the bookings of every accepted registration over a period (a new school year, after an
 * import), from their weekly patterns, in chunks of registrations with one transaction and one
 * statement each: a failure loses one chunk, which a second run redoes (days already booked are
 * kept). Memory is a chunk of ids whatever the number of households; progress goes to the log.
 */
@ApplicationScoped
public class BookingGeneration {

  private static final Logger LOG = Logger.getLogger(BookingGeneration.class);
  static final int CHUNK = 200;

  @Inject TenantWork work;

  @Inject TenantContext tenant;

  @Inject Bookings bookings;

  /** What a generation did. */
  public record Generated(int registrations, long bookings, long millis) {}

  public Generated generate(LocalDate from, LocalDate to, String by) {
    TenantRef town = tenant.require();
    long t0 = System.nanoTime();
    List<Long> ids = work.runAs(town, () -> bookings.acceptedOverlapping(from, to));
    long made = 0;
    for (int i = 0; i < ids.size(); i += CHUNK) {
      List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
      made += work.runAs(town, () -> bookings.bookPatterns(chunk, from, to, by));
      if ((i / CHUNK) % 10 == 9 || i + CHUNK >= ids.size()) {
        LOG.infof(
            "Booking generation for %s: %d of %d registrations, %d bookings made",
            town.slug(), Math.min(ids.size(), i + CHUNK), ids.size(), made);
      }
    }
    return new Generated(ids.size(), made, (System.nanoTime() - t0) / 1_000_000);
  }
}
