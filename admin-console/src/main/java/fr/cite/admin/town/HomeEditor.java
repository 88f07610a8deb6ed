package fr.cite.admin.town;

import fr.cite.admin.web.ConsoleMessages;
import fr.cite.platform.audit.application.AuditLog;
import fr.cite.platform.catalogue.application.CatalogueEditing;
import fr.cite.platform.catalogue.domain.Highlight;
import fr.cite.platform.catalogue.domain.NewsItem;
import fr.cite.platform.i18n.LocalizedText;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * The e-services home as the town's administrators edit it: dated highlights (title, text, link,
 * start and end dates, priority), shown on a calendar of what is scheduled, and news items. A
 * change shows on the portal at once.
 */
@Named("homeEditor")
@ViewScoped
public class HomeEditor implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A highlight as listed. */
  public record HighlightRow(
      long id, String title, LocalDate startsOn, LocalDate endsOn, int priority, boolean current)
      implements Serializable {}

  /** A news item as listed. */
  public record NewsRow(long id, String title, LocalDate publishedOn) implements Serializable {}

  @Inject CatalogueEditing editing;

  @Inject RequestHost host;

  @Inject AuditLog audit;

  private String titleFr;
  private String titleEn;
  private String textFr;
  private String textEn;
  private String link;
  private LocalDate startsOn;
  private LocalDate endsOn;
  private int priority = 5;

  private String newsTitleFr;
  private String newsTitleEn;
  private String newsSummaryFr;
  private String newsSummaryEn;
  private String newsLink;
  private LocalDate newsDate =
      LocalDate.now(fr.cite.platform.catalogue.application.CatalogueQueries.TOWN_ZONE);

  private final fr.cite.admin.web.PagedList<HighlightRow> highlights =
      new fr.cite.admin.web.PagedList<>(
          () -> editing.countHighlights(),
          (first, size, field, ascending) -> {
            LocalDate today =
                LocalDate.now(fr.cite.platform.catalogue.application.CatalogueQueries.TOWN_ZONE);
            return editing.listHighlights(field, ascending, first, size).stream()
                .map(
                    (Highlight h) ->
                        new HighlightRow(
                            h.id(),
                            h.title().fr(),
                            h.startsOn(),
                            h.endsOn(),
                            h.priority(),
                            !today.isBefore(h.startsOn()) && !today.isAfter(h.endsOn())))
                .toList();
          },
          h -> Long.toString(h.id()));

  private final fr.cite.admin.web.PagedList<NewsRow> news =
      new fr.cite.admin.web.PagedList<>(
          () -> editing.countNews(),
          (first, size, field, ascending) ->
              editing.listNews(first, size).stream()
                  .map((NewsItem n) -> new NewsRow(n.id(), n.title().fr(), n.publishedOn()))
                  .toList(),
          n -> Long.toString(n.id()));

  public fr.cite.admin.web.PagedList<HighlightRow> getHighlights() {
    return highlights;
  }

  /** The highlights on a calendar: each spans its dates, the end day included. */
  public org.primefaces.model.ScheduleModel getCalendar() {
    org.primefaces.model.DefaultScheduleModel model =
        new org.primefaces.model.DefaultScheduleModel();
    for (Highlight h : editing.listHighlights()) {
      model.addEvent(
          org.primefaces.model.DefaultScheduleEvent.builder()
              .title(h.title().fr())
              .startDate(h.startsOn().atStartOfDay())
              .endDate(h.endsOn().plusDays(1).atStartOfDay())
              .allDay(true)
              .build());
    }
    return model;
  }

  public fr.cite.admin.web.PagedList<NewsRow> getNews() {
    return news;
  }

  public void addHighlight() {
    try {
      editing.addHighlight(
          LocalizedText.of(titleFr, titleEn),
          LocalizedText.of(textFr, textEn),
          blankToNull(link),
          startsOn,
          endsOn,
          priority);
      audit.recordTownStaff("highlight.added", titleFr, startsOn + " → " + endsOn);
      ConsoleMessages.info("home.highlightAdded", null);
      titleFr = titleEn = textFr = textEn = link = null;
      startsOn = endsOn = null;
    } catch (ProblemException e) {
      ConsoleMessages.problem(e, host.locale());
    }
  }

  public void deleteHighlight(long id) {
    try {
      editing.deleteHighlight(id);
      audit.recordTownStaff("highlight.deleted", Long.toString(id), null);
    } catch (ProblemException e) {
      ConsoleMessages.problem(e, host.locale());
    }
  }

  public void addNews() {
    try {
      editing.addNews(
          LocalizedText.of(newsTitleFr, newsTitleEn),
          LocalizedText.of(newsSummaryFr, newsSummaryEn),
          blankToNull(newsLink),
          newsDate);
      audit.recordTownStaff("news.added", newsTitleFr, newsDate.toString());
      ConsoleMessages.info("home.newsAdded", null);
      newsTitleFr = newsTitleEn = newsSummaryFr = newsSummaryEn = newsLink = null;
    } catch (ProblemException e) {
      ConsoleMessages.problem(e, host.locale());
    }
  }

  public void deleteNews(long id) {
    try {
      editing.deleteNews(id);
      audit.recordTownStaff("news.deleted", Long.toString(id), null);
    } catch (ProblemException e) {
      ConsoleMessages.problem(e, host.locale());
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  // ---- form fields

  public String getTitleFr() {
    return titleFr;
  }

  public void setTitleFr(String v) {
    titleFr = v;
  }

  public String getTitleEn() {
    return titleEn;
  }

  public void setTitleEn(String v) {
    titleEn = v;
  }

  public String getTextFr() {
    return textFr;
  }

  public void setTextFr(String v) {
    textFr = v;
  }

  public String getTextEn() {
    return textEn;
  }

  public void setTextEn(String v) {
    textEn = v;
  }

  public String getLink() {
    return link;
  }

  public void setLink(String v) {
    link = v;
  }

  public LocalDate getStartsOn() {
    return startsOn;
  }

  public void setStartsOn(LocalDate v) {
    startsOn = v;
  }

  public LocalDate getEndsOn() {
    return endsOn;
  }

  public void setEndsOn(LocalDate v) {
    endsOn = v;
  }

  public int getPriority() {
    return priority;
  }

  public void setPriority(int v) {
    priority = v;
  }

  public String getNewsTitleFr() {
    return newsTitleFr;
  }

  public void setNewsTitleFr(String v) {
    newsTitleFr = v;
  }

  public String getNewsTitleEn() {
    return newsTitleEn;
  }

  public void setNewsTitleEn(String v) {
    newsTitleEn = v;
  }

  public String getNewsSummaryFr() {
    return newsSummaryFr;
  }

  public void setNewsSummaryFr(String v) {
    newsSummaryFr = v;
  }

  public String getNewsSummaryEn() {
    return newsSummaryEn;
  }

  public void setNewsSummaryEn(String v) {
    newsSummaryEn = v;
  }

  public String getNewsLink() {
    return newsLink;
  }

  public void setNewsLink(String v) {
    newsLink = v;
  }

  public LocalDate getNewsDate() {
    return newsDate;
  }

  public void setNewsDate(LocalDate v) {
    newsDate = v;
  }
}
