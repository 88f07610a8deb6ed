package fr.cite.portal.family;

import fr.cite.platform.family.application.Bookings;
import fr.cite.platform.family.application.Households;
import fr.cite.platform.family.domain.Child;
import fr.cite.platform.family.domain.Weekdays;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * A child's month of bookings: a table of days per activity (booked, waiting list with the
 * position, cancelled, closed, past, deadline passed), each with until when it can still be changed
 * and a real button to book or cancel it; a form books or cancels a pattern until a date. Each
 * button is a plain form posted to this page, which makes the change and redirects back (post,
 * redirect, get): it works with a keyboard, a screen reader and without script.
 */
@Named("familyCalendar")
@RequestScoped
public class FamilyCalendar {

  @Inject fr.cite.payments.billing.Invoices invoices;

  @Inject Bookings bookings;

  @Inject Households households;

  @Inject RequestHost host;

  private String enfant;
  private String mois;
  private Bookings.Month month;
  private Child child;
  private boolean missing;

  Locale locale() {
    return host.locale();
  }

  YearMonth yearMonth() {
    if (mois != null && !mois.isBlank()) {
      try {
        return YearMonth.parse(mois.strip());
      } catch (DateTimeParseException e) {
        // falls back to this month
      }
    }
    return YearMonth.now(ZoneId.of("Europe/Paris"));
  }

  /** Loads the month (404 page when the child is not the parent's); makes a posted change. */
  public void load() {
    Long id = FamilyPages.id(enfant);
    try {
      child = id == null ? null : households.requireChild(FamilyPages.requireSubject(), id);
    } catch (ProblemException e) {
      child = null;
    }
    if (child == null) {
      missing = true;
      jakarta.faces.context.FacesContext.getCurrentInstance()
          .getExternalContext()
          .setResponseStatus(404);
      return;
    }
    HttpServletRequest req = FamilyPages.request();
    if ("POST".equals(req.getMethod())) {
      act(req);
      if (jakarta.faces.context.FacesContext.getCurrentInstance().getResponseComplete()) {
        return;
      }
    }
    month = bookings.month(child, yearMonth());
    List<fr.cite.payments.billing.Invoices.CalendarDay> days = new java.util.ArrayList<>();
    for (Bookings.ActivityMonth am : month.activities()) {
      for (Bookings.DayView d : am.days()) {
        if (d.canBook() || d.canCancel()) {
          days.add(
              new fr.cite.payments.billing.Invoices.CalendarDay(
                  am.activity().id(), d.sessionId(), d.day()));
        }
      }
    }
    // Always asked, even without a changeable day: the page costs the same statements either way.
    prices = invoices.calendarPrices(child.householdId(), child.id(), yearMonth(), days);
  }

  private java.util.Map<Long, Long> prices = java.util.Map.of();

  /** What booking the day adds, or cancelling it saves, or empty when no tariff says. */
  public String price(Bookings.DayView d) {
    Long cents = prices.get(d.sessionId());
    if (cents == null) {
      return "";
    }
    return java.text.MessageFormat.format(
        FamilyMessages.get(d.canCancel() ? "family.price.cancel" : "family.price.book"),
        fr.cite.payments.domain.Money.ofCents(cents).format(locale()));
  }

  void act(HttpServletRequest req) {
    String action = req.getParameter("action");
    boolean book = "reserver".equals(action);
    if (!book && !"annuler".equals(action)) {
      return;
    }
    String back = "/compte/famille/calendrier.xhtml?enfant=" + child.id() + "&mois=" + yearMonth();
    try {
      Long session = FamilyPages.id(req.getParameter("seance"));
      if (session != null) {
        Bookings.DayOutcome o =
            book
                ? bookings.book(FamilyPages.requireSubject(), child.id(), session)
                : bookings.cancel(FamilyPages.requireSubject(), child.id(), session);
        FamilyPages.redirect(
            back + "&jour=" + o.day() + (o.position() == null ? "" : "&position=" + o.position()),
            o.outcome().name());
        return;
      }
      Long activity = FamilyPages.id(req.getParameter("activite"));
      LocalDate from = FamilyPages.date(req.getParameter("du"));
      LocalDate until = FamilyPages.date(req.getParameter("jusqua"));
      String[] days = req.getParameterValues("jours");
      if (activity == null || until == null || days == null || days.length == 0) {
        FamilyPages.error(FamilyMessages.get("family.pattern.required"));
        return;
      }
      List<Bookings.DayOutcome> outcomes =
          bookings.pattern(
              FamilyPages.requireSubject(),
              child.id(),
              new Bookings.Pattern(
                  activity,
                  Weekdays.parse(List.of(days)),
                  from == null ? LocalDate.now(ZoneId.of("Europe/Paris")) : from,
                  until,
                  book));
      long changed =
          outcomes.stream()
              .filter(
                  o ->
                      o.outcome() != Bookings.Outcome.REFUSED
                          && o.outcome() != Bookings.Outcome.UNCHANGED)
              .count();
      long refused = outcomes.stream().filter(o -> o.outcome() == Bookings.Outcome.REFUSED).count();
      FamilyPages.redirect(back + "&modifies=" + changed + "&refuses=" + refused, "PATTERN");
    } catch (ProblemException e) {
      FamilyPages.show(e, locale(), f -> FamilyMessages.get("family.field." + f));
    } catch (IllegalArgumentException e) {
      FamilyPages.error(FamilyMessages.get("family.invalid"));
    }
  }

  /** The confirmation of the change just made (from the redirect's parameters), if any. */
  public String getDone() {
    var params =
        jakarta.faces.context.FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestParameterMap();
    String done = params.get("fait");
    if (done == null) {
      return null;
    }
    if (done.equals("PATTERN")) {
      return java.text.MessageFormat.format(
          FamilyMessages.get("family.pattern.done"),
          number(params.get("modifies")),
          number(params.get("refuses")));
    }
    Bookings.Outcome outcome;
    LocalDate day = FamilyPages.date(params.get("jour"));
    try {
      outcome = Bookings.Outcome.valueOf(done);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (day == null) {
      return null;
    }
    return java.text.MessageFormat.format(
        FamilyMessages.get("family.done." + outcome.name()),
        FamilyPages.day(day, locale()),
        number(params.get("position")));
  }

  static long number(String s) {
    return s != null && s.matches("[0-9]{1,6}") ? Long.parseLong(s) : 0;
  }

  public boolean isMissing() {
    return missing;
  }

  public Child getChild() {
    return child;
  }

  public Bookings.Month getMonth() {
    return month;
  }

  public String getTitle() {
    YearMonth m = yearMonth();
    String name = m.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale());
    return Character.toUpperCase(name.charAt(0)) + name.substring(1) + " " + m.getYear();
  }

  public String getPrevious() {
    return yearMonth().minusMonths(1).toString();
  }

  public String getNext() {
    return yearMonth().plusMonths(1).toString();
  }

  public String getCurrent() {
    return yearMonth().toString();
  }

  public String day(LocalDate d) {
    String s = DateTimeFormatter.ofPattern("EEEE d", locale()).format(d);
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** Until when the day can be changed; "deadline passed" for a coming day that no longer can. */
  public String until(Bookings.DayView d) {
    if (d.canBook() || d.canCancel()) {
      return FamilyPages.until(d.changeUntil(), locale());
    }
    boolean coming = !d.day().isBefore(LocalDate.now(ZoneId.of("Europe/Paris")));
    return coming && d.state() != Bookings.DayState.CLOSED
        ? FamilyMessages.get("family.state.DEADLINE_PASSED")
        : "";
  }

  public String state(Bookings.DayView d) {
    String label = FamilyMessages.get("family.state." + d.state().name());
    if (d.state() == Bookings.DayState.WAITLIST && d.waitlistPosition() != null) {
      label =
          java.text.MessageFormat.format(
              FamilyMessages.get("family.state.WAITLIST_AT"), d.waitlistPosition());
    }
    if (d.state() == Bookings.DayState.CLOSED && d.closedReason() != null) {
      label = label + " (" + d.closedReason() + ")";
    }
    if (d.late()) {
      label = label + " · " + FamilyMessages.get("family.state.late");
    }
    return label;
  }

  public List<DayOfWeek> weekdaysOf(fr.cite.platform.family.domain.Activity a) {
    return Weekdays.days(a.weekdays()).stream().toList();
  }

  public String weekdayName(DayOfWeek d) {
    return d.getDisplayName(TextStyle.FULL_STANDALONE, locale());
  }

  public String getToday() {
    return LocalDate.now(ZoneId.of("Europe/Paris")).toString();
  }

  public String getEnfant() {
    return enfant;
  }

  public void setEnfant(String v) {
    enfant = v;
  }

  public String getMois() {
    return mois;
  }

  public void setMois(String v) {
    mois = v;
  }
}
