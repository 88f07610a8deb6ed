package fr.cite.admin.town;

import fr.cite.admin.web.ConsoleMessages;
import fr.cite.platform.audit.domain.AuditEntry;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.RequestHost;
import fr.cite.platform.tenancy.domain.TenantDomain;
import fr.cite.platform.towns.application.DomainCheck;
import fr.cite.platform.towns.application.TownDomains;
import fr.cite.platform.towns.application.TownOperations;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The portal's addresses and language in the town console: custom domains (added pending, with the
 * token to publish and where; verified on request; removed) and the default language.
 */
@Named("townSettings")
@ViewScoped
public class TownSettings implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Paris"));

  /** A domain as shown. */
  public record DomainRow(
      long id,
      String host,
      boolean verified,
      String since,
      String url,
      String token,
      String lastCheck)
      implements Serializable {}

  @Inject RequestHost host;

  @Inject TownDomains domains;

  @Inject TownOperations operations;

  private String newHost;
  private String language;

  @PostConstruct
  void load() {
    language = host.town().orElseThrow().defaultLocale();
  }

  public List<DomainRow> getDomains() {
    return domains.list().stream().map(TownSettings::row).toList();
  }

  static DomainRow row(TenantDomain d) {
    return new DomainRow(
        d.id(),
        d.host(),
        d.verifiedAt().isPresent(),
        d.verifiedAt().map(AT::format).orElse(null),
        "http://" + d.host() + DomainCheck.PATH,
        d.verificationToken(),
        d.checkedAt()
            .map(at -> AT.format(at) + d.checkError().map(e -> " — " + e).orElse(""))
            .orElse(null));
  }

  public void add() {
    try {
      TenantDomain d = domains.add(newHost);
      newHost = null;
      ConsoleMessages.info("settings.domainAdded", d.host());
    } catch (ProblemException e) {
      ConsoleMessages.problem(e, host.locale());
    }
  }

  public void verify(long id) {
    try {
      TenantDomain d = domains.verify(id);
      ConsoleMessages.info("settings.domainVerified", d.host());
    } catch (ProblemException e) {
      ConsoleMessages.problem(e, host.locale());
    }
  }

  public void remove(long id) {
    try {
      domains.remove(id);
      ConsoleMessages.info("settings.domainRemoved", null);
    } catch (ProblemException e) {
      ConsoleMessages.problem(e, host.locale());
    }
  }

  public void saveLanguage() {
    try {
      operations.changeDefaultLanguage(
          host.town().orElseThrow().slug(), language, AuditEntry.ActorKind.TOWN_STAFF);
      ConsoleMessages.info("settings.languageSaved", null);
    } catch (ProblemException e) {
      ConsoleMessages.problem(e, host.locale());
    }
  }

  public String getNewHost() {
    return newHost;
  }

  public void setNewHost(String newHost) {
    this.newHost = newHost;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }
}
