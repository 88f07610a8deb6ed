package fr.cite.it.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The one archive under test: the real cite.ear built by wildfly-config, unchanged. */
public final class CiteDeployment {

  private CiteDeployment() {}

  public static EnterpriseArchive ear() {
    File ear = new File(System.getProperty("cite.ear"));
    if (!ear.isFile()) {
      throw new IllegalStateException("No " + ear + ": build wildfly-config first");
    }
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
  }
}
