package fr.cite.portal.catalogue;

import fr.cite.platform.catalogue.application.UsageVisitor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The usage visitor of a portal request (its address and browser), empty for robots. */
final class Visitors {

  private Visitors() {}

  static Optional<UsageVisitor> of(HttpServletRequest req) {
    String purpose = req.getHeader("Sec-Purpose");
    if (purpose == null) {
      purpose = req.getHeader("Purpose");
    }
    if (purpose == null) {
      purpose = req.getHeader("X-Moz");
    }
    return UsageVisitor.of(req.getRemoteAddr(), req.getHeader("User-Agent"), purpose);
  }
}
