package fr.cite.platform.schema;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Declared first in each WAR's web.xml, so that the schema is migrated before the WAR's filters,
 * Faces and JAX-RS start. The EAR initialises the portal first; the console's call is a no-op.
 */
public class SchemaMigrationListener implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    CDI.current().select(SchemaMigrator.class).get().migrate();
  }
}
