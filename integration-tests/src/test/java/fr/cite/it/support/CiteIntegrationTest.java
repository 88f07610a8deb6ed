package fr.cite.it.support;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the integration tests: each test class runs against the real cite.ear (see {@link
 * CiteDeployment}), deployed by Arquillian on the provisioned WildFly, as a client over HTTP and
 * JDBC.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class CiteIntegrationTest {

  @Deployment(testable = false)
  public static EnterpriseArchive deployment() {
    return CiteDeployment.ear();
  }
}
