package fr.cite.portal.api;

import fr.cite.platform.health.HealthResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** Liveness and readiness under {@code /health}, answered on any host. */
@ApplicationPath("/health")
public class HealthApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(HealthResource.class);
  }
}
