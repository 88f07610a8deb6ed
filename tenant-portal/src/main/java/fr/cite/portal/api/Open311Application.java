package fr.cite.portal.api;

import fr.cite.platform.incidents.api.Open311Resource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * Open311 GeoReport v2 under {@code /open311} on every town's host, apart from the API: it answers
 * in the specification's formats and errors, not in problem details.
 */
@ApplicationPath("/open311")
public class Open311Application extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(Open311Resource.class, Open311Errors.class);
  }
}
