package fr.cite.portal.requests;

import fr.cite.platform.requests.application.RequestCatalog;
import fr.cite.platform.requests.application.Requests;
import fr.cite.platform.requests.application.StatusLabels;
import fr.cite.platform.requests.domain.RequestStatus;
import fr.cite.platform.requests.domain.RequestType;
import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * "Mon compte": every request of the signed-in citizen in this town, whatever its kind, with its
 * status and last update, filtered by status and kind, a page at a time (one query per page,
 * whatever the number of requests).
 */
@Named("myRequests")
@RequestScoped
public class MyRequests {

  static final int PAGE_SIZE = 20;
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Inject Requests requests;

  @Inject RequestCatalog catalog;

  @Inject StatusLabels labels;

  @Inject RequestHost host;

  private String status;
  private String type;
  private int page;
  private List<Requests.MineRow> rows;
  private long total = -1;

  public List<Requests.MineRow> getRows() {
    if (rows == null) {
      rows =
          Citizens.subject()
              .map(s -> requests.mine(s, parsedStatus(), blank(type), page * PAGE_SIZE, PAGE_SIZE))
              .orElse(List.of());
    }
    return rows;
  }

  public long getTotal() {
    if (total < 0) {
      total =
          Citizens.subject()
              .map(s -> requests.countMine(s, parsedStatus(), blank(type)))
              .orElse(0L);
    }
    return total;
  }

  public boolean isHasNext() {
    return (long) (page + 1) * PAGE_SIZE < getTotal();
  }

  public List<RequestStatus> getStatuses() {
    return List.of(RequestStatus.values());
  }

  public List<RequestType> getTypes() {
    return catalog.activeTypes();
  }

  private java.util.Map<RequestStatus, String> statusLabels;

  /** Status names, read once per page. */
  public String statusLabel(RequestStatus s) {
    if (statusLabels == null) {
      statusLabels = labels.all(host.locale());
    }
    return statusLabels.get(s);
  }

  public String typeName(Requests.MineRow r) {
    return "en".equals(host.locale().getLanguage()) && r.typeEn() != null ? r.typeEn() : r.typeFr();
  }

  public String date(java.time.Instant at) {
    return DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm", host.locale())
        .withZone(PARIS)
        .format(at)
        .replace(" à ", "en".equals(host.locale().getLanguage()) ? " at " : " à ");
  }

  private RequestStatus parsedStatus() {
    try {
      return status == null || status.isBlank()
          ? null
          : RequestStatus.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = Math.max(0, Math.min(page, 10_000));
  }
}
