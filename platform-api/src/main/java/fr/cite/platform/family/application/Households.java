package fr.cite.platform.family.application;

import fr.cite.platform.family.domain.Child;
import fr.cite.platform.family.domain.Guardian;
import fr.cite.platform.family.domain.Household;
import fr.cite.platform.mail.MailSender;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.ApplicationService;
import fr.cite.platform.tenancy.application.TenantContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A parent's household in this town: created on first use, its address, its adults (a second one
 * invited by e-mail joins with their own account: both see and act), its children. Every read
 * starts from the caller's account: a child of another household is "not found", whatever its id.
 */
@ApplicationService
public class Households {

  static final int MAX_CHILD_AGE = 18;

  @PersistenceContext EntityManager em;

  @Inject TenantContext tenant;

  @Inject MailSender mail;

  private final Clock clock = Clock.systemUTC();
  private final SecureRandom random = new SecureRandom();

  /** The caller's guardian row in this town, if they have a household here. */
  public Optional<Guardian> guardian(String subject) {
    return em.createQuery("select g from Guardian g where g.subject = :s", Guardian.class)
        .setParameter("s", subject)
        .getResultStream()
        .findFirst();
  }

  public Optional<Household> mine(String subject) {
    return guardian(subject).map(g -> em.find(Household.class, g.householdId()));
  }

  public Household requireMine(String subject) {
    return mine(subject).orElseThrow(() -> ProblemException.notFound("family-no-household"));
  }

  /** What a parent says of the household. */
  public record Address(String address, String postcode, String city, boolean resident) {}

  /** Creates the caller's household (or returns the one they have) with its address. */
  public Household open(String subject, String name, String email, Address a) {
    Optional<Household> existing = mine(subject);
    Household h = existing.orElseGet(() -> new Household(clock.instant()));
    h.moveTo(a.address(), a.postcode(), a.city(), a.resident());
    if (existing.isEmpty()) {
      em.createNativeQuery(
              "insert into family_town (tenant_id, first_at) values (?1, now()) on conflict do"
                  + " nothing")
          .setParameter(1, tenantId())
          .executeUpdate();
      em.persist(h);
      em.flush();
      em.persist(
          Guardian.founder(h, subject, name, email == null ? subject : email, clock.instant()));
    }
    return h;
  }

  public List<Guardian> guardians(long householdId) {
    return em.createQuery(
            "select g from Guardian g where g.householdId = :h order by g.id", Guardian.class)
        .setParameter("h", householdId)
        .getResultList();
  }

  public List<Child> children(long householdId) {
    return em.createQuery(
            "select c from Child c where c.householdId = :h order by c.birthDate, c.id",
            Child.class)
        .setParameter("h", householdId)
        .getResultList();
  }

  /** A child of the caller's household, or 404. */
  public Child requireChild(String subject, long childId) {
    Household h = requireMine(subject);
    Child c = em.find(Child.class, childId);
    if (c == null || c.householdId() != h.id()) {
      throw ProblemException.notFound("family-child-not-found", childId);
    }
    return c;
  }

  public Child addChild(String subject, Child.Details d) {
    Household h = requireMine(subject);
    check(d);
    Child c = new Child(h, d, clock.instant());
    em.persist(c);
    return c;
  }

  public Child updateChild(String subject, long childId, Child.Details d) {
    Child c = requireChild(subject, childId);
    check(d);
    c.update(d);
    return c;
  }

  void check(Child.Details d) {
    List<ProblemException.FieldProblem> problems = new ArrayList<>();
    LocalDate today = LocalDate.now(FamilyCalendars.TOWN_ZONE);
    if (d.birthDate() != null && d.birthDate().isAfter(today)) {
      problems.add(
          new ProblemException.FieldProblem("birthDate", "family.birthInFuture", List.of()));
    } else if (d.birthDate() != null
        && Period.between(d.birthDate(), today).getYears() >= MAX_CHILD_AGE) {
      problems.add(
          new ProblemException.FieldProblem(
              "birthDate", "family.childTooOld", List.of(MAX_CHILD_AGE)));
    }
    if (!problems.isEmpty()) {
      throw ProblemException.invalidFields(problems);
    }
  }

  /** An invitation sent: the link is e-mailed, and returned for the page that sent it. */
  public record Invitation(Guardian guardian, String link) {}

  /** Invites a second adult by e-mail; they join with their own account from the link. */
  public Invitation invite(
      String subject, String inviterName, String name, String email, String baseUrl) {
    Household h = requireMine(subject);
    String lower = email.strip().toLowerCase(java.util.Locale.ROOT);
    for (Guardian g : guardians(h.id())) {
      if (g.email().equalsIgnoreCase(lower)) {
        throw ProblemException.conflict("family-guardian-exists", lower);
      }
    }
    if (guardians(h.id()).size() >= 4) {
      throw ProblemException.unprocessable("family-too-many-guardians");
    }
    byte[] secret = new byte[24];
    random.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Guardian g = Guardian.invited(h, name, lower, hash(token), clock.instant());
    em.persist(g);
    String link = baseUrl + "/compte/famille/rejoindre.xhtml?jeton=" + token;
    mail.sendAfterCommit(
        new MailSender.Mail(
            lower,
            "Invitation à rejoindre un espace famille",
            "Bonjour "
                + name
                + ",\n\n"
                + inviterName
                + " vous invite à rejoindre son espace famille sur le portail de la ville, pour"
                + " suivre et gérer les inscriptions et réservations des enfants.\n\n"
                + "Pour accepter, ouvrez ce lien et connectez-vous (ou créez votre compte) :\n"
                + link
                + "\n\n---\n"
                + inviterName
                + " invites you to join their family space on the town's portal. Open the link"
                + " above and sign in (or create your account) to accept.\n"));
    return new Invitation(g, link);
  }

  /** The signed-in account joins the household of the invitation. */
  public Household join(String subject, String name, String token) {
    if (token == null || token.isBlank() || token.length() > 64) {
      throw ProblemException.notFound("family-invitation-not-found");
    }
    Guardian g =
        em.createQuery("select g from Guardian g where g.invitationHash = :h", Guardian.class)
            .setParameter("h", hash(token))
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> ProblemException.notFound("family-invitation-not-found"));
    Optional<Guardian> own = guardian(subject);
    if (own.isPresent()) {
      if (own.get().householdId() == g.householdId()) {
        return em.find(Household.class, g.householdId());
      }
      throw ProblemException.conflict("family-already-in-household");
    }
    g.join(subject, clock.instant());
    return em.find(Household.class, g.householdId());
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The e-mail addresses of a household's adults who joined, to tell them something. */
  public List<String> emails(long householdId) {
    return guardians(householdId).stream().filter(Guardian::joined).map(Guardian::email).toList();
  }

  long tenantId() {
    return tenant.require().id();
  }
}
