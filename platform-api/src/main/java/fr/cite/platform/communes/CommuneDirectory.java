package fr.cite.platform.communes;

import jakarta.enterprise.context.ApplicationScoped;

/** Gives the application one shared, lazily loaded copy of the official list of communes. */
@ApplicationScoped
public class CommuneDirectory {

  private volatile OfficialCommunes communes;

  public OfficialCommunes communes() {
    OfficialCommunes c = communes;
    if (c == null) {
      synchronized (this) {
        if (communes == null) {
          communes = OfficialCommunes.load();
        }
        c = communes;
      }
    }
    return c;
  }
}
