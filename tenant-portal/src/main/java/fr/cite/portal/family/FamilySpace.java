package fr.cite.portal.family;

import fr.cite.platform.family.application.Bookings;
import fr.cite.platform.family.application.Creches;
import fr.cite.platform.family.application.FamilyFiles;
import fr.cite.platform.family.application.FamilySetup;
import fr.cite.platform.family.application.Households;
import fr.cite.platform.family.domain.Activity;
import fr.cite.platform.family.domain.Child;
import fr.cite.platform.family.domain.DocumentKind;
import fr.cite.platform.family.domain.FamilyDocument;
import fr.cite.platform.family.domain.Guardian;
import fr.cite.platform.family.domain.Household;
import fr.cite.platform.family.domain.Quotient;
import fr.cite.platform.family.domain.Registration;
import fr.cite.platform.family.domain.Weekdays;
import fr.cite.platform.problem.ProblemException;
import fr.cite.platform.tenancy.application.RequestHost;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "Espace famille" (Mon compte): the household (created here the first time, with its address), its
 * adults and the invitation of a second one, its children and their registrations, documents and
 * the family quotient (with what applies when none is valid), crèche applications with their place
 * on the list. Read once per request; each form posts here and redirects.
 */
@Named("familySpace")
@RequestScoped
public class FamilySpace {

  static final long MAX_UPLOAD = 10L * 1024 * 1024;

  @Inject Households households;

  @Inject FamilyFiles files;

  @Inject Bookings bookings;

  @Inject FamilySetup setup;

  @Inject Creches creches;

  @Inject RequestHost host;

  private Optional<Household> household;
  private List<Child> children;
  private Map<Long, List<Registration>> registrations;
  private Map<Long, Activity> activities;
  private List<Guardian> guardians;
  private List<FamilyDocument> documents;
  private List<Quotient> quotients;
  private List<Creches.Ranked> crecheApplications;
  private int crecheWaiting = -1;

  // household form
  private String address;
  private String postcode;
  private String city;
  private boolean resident = true;

  // child form
  private String firstName;
  private String lastName;
  private String birthDate;
  private String school;
  private String classLevel;
  private String allergies;
  private boolean pai;
  private boolean imageRights;
  private String emergencyName;
  private String emergencyPhone;
  private String pickupName;
  private String pickupPhone;

  // invitation
  private String guestName;
  private String guestEmail;

  // document and quotient
  private String documentKind = DocumentKind.ADDRESS_PROOF.name();
  private String documentValidTo;
  private Part document;
  private String quotientValue;
  private String quotientResources;
  private String quotientSource = "CAF";
  private String quotientFrom;
  private String quotientTo;
  private Part certificate;

  Locale locale() {
    return host.locale();
  }

  /** The confirmation of the change just made, if any. */
  public String getDone() {
    return FamilyPages.done("family.saved.");
  }

  public boolean isSignedIn() {
    return FamilyPages.subject().isPresent();
  }

  public Household getHousehold() {
    if (household == null) {
      household = FamilyPages.subject().flatMap(households::mine);
      household.ifPresent(
          h -> {
            address = h.address();
            postcode = h.postcode();
            city = h.city();
            resident = h.resident();
          });
    }
    return household.orElse(null);
  }

  public boolean isHasHousehold() {
    return getHousehold() != null;
  }

  public List<Guardian> getGuardians() {
    if (guardians == null) {
      guardians = isHasHousehold() ? households.guardians(getHousehold().id()) : List.of();
    }
    return guardians;
  }

  public List<Child> getChildren() {
    if (children == null) {
      children = isHasHousehold() ? households.children(getHousehold().id()) : List.of();
    }
    return children;
  }

  public List<Registration> registrations(Child c) {
    if (registrations == null) {
      registrations = bookings.registrations(getChildren().stream().map(Child::id).toList());
    }
    return registrations.getOrDefault(c.id(), List.of());
  }

  public String activityName(long id) {
    if (activities == null) {
      activities = new HashMap<>();
      setup.activities().forEach(a -> activities.put(a.id(), a));
    }
    Activity a = activities.get(id);
    return a == null ? "" : a.name().in(locale()) + " — " + a.site();
  }

  public String weekdays(int mask) {
    return Weekdays.label(mask, locale());
  }

  public String date(LocalDate d) {
    return FamilyPages.shortDate(d, locale());
  }

  public List<FamilyDocument> getDocuments() {
    if (documents == null) {
      documents = isHasHousehold() ? files.documents(getHousehold().id()) : List.of();
    }
    return documents;
  }

  public List<Quotient> getQuotients() {
    if (quotients == null) {
      quotients = isHasHousehold() ? files.quotients(getHousehold().id()) : List.of();
    }
    return quotients;
  }

  /** The quotient valid today, from the history already read. */
  public Quotient getQuotientToday() {
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
    return getQuotients().stream().filter(q -> q.coversDay(today)).findFirst().orElse(null);
  }

  public List<Creches.Ranked> getCrecheApplications() {
    if (crecheApplications == null) {
      crecheApplications =
          isHasHousehold() ? creches.mine(FamilyPages.requireSubject()) : List.of();
    }
    return crecheApplications;
  }

  /** How many wait on the list (the families' positions are out of this). */
  public int getCrecheWaiting() {
    if (crecheWaiting < 0) {
      crecheWaiting = creches.waiting();
    }
    return crecheWaiting;
  }

  public List<DocumentKind> getDocumentKinds() {
    return List.of(DocumentKind.values());
  }

  public String kindLabel(DocumentKind k) {
    return k.label().in(locale());
  }

  public String kindLabel(String k) {
    return DocumentKind.valueOf(k).label().in(locale());
  }

  // ---------------------------------------------------------------- actions

  public void saveHousehold() {
    try {
      Households.Address a =
          new Households.Address(blank(address), blank(postcode), blank(city), resident);
      var c = FamilyPages.citizen();
      households.open(FamilyPages.requireSubject(), c.name(), c.email(), a);
      FamilyPages.redirect("/compte/famille/", "household");
    } catch (ProblemException e) {
      FamilyPages.show(e, locale(), this::fieldLabel);
    }
  }

  public void addChild() {
    LocalDate birth = FamilyPages.date(birthDate);
    if (blank(firstName) == null || blank(lastName) == null || birth == null) {
      FamilyPages.error(msg("family.child.required"));
      return;
    }
    try {
      List<Child.Pickup> pickup =
          blank(pickupName) == null
              ? List.of()
              : List.of(
                  new Child.Pickup(
                      pickupName.strip(), blank(pickupPhone) == null ? "" : pickupPhone.strip()));
      households.addChild(
          FamilyPages.requireSubject(),
          new Child.Details(
              firstName.strip(),
              lastName.strip(),
              birth,
              blank(school),
              blank(classLevel),
              blank(allergies),
              pai,
              imageRights,
              blank(emergencyName),
              blank(emergencyPhone),
              pickup));
      FamilyPages.redirect("/compte/famille/", "child");
    } catch (ProblemException e) {
      FamilyPages.show(e, locale(), this::fieldLabel);
    }
  }

  public void invite() {
    if (blank(guestName) == null || blank(guestEmail) == null || !guestEmail.contains("@")) {
      FamilyPages.error(msg("family.invite.required"));
      return;
    }
    try {
      var req = FamilyPages.request();
      String base =
          req.getScheme()
              + "://"
              + req.getServerName()
              + (req.getServerPort() == 80 || req.getServerPort() == 443
                  ? ""
                  : ":" + req.getServerPort());
      households.invite(
          FamilyPages.requireSubject(),
          FamilyPages.citizen().name(),
          guestName.strip(),
          guestEmail.strip(),
          base);
      FamilyPages.redirect("/compte/famille/", "invited");
    } catch (ProblemException e) {
      FamilyPages.show(e, locale(), this::fieldLabel);
    }
  }

  public void uploadDocument() {
    try {
      FamilyFiles.Upload upload = upload(document, "file");
      if (upload == null) {
        return;
      }
      files.upload(
          FamilyPages.requireSubject(),
          FamilyPages.citizen(),
          DocumentKind.valueOf(documentKind),
          null,
          upload,
          null,
          FamilyPages.date(documentValidTo),
          locale().getLanguage());
      FamilyPages.redirect("/compte/famille/", "document");
    } catch (ProblemException e) {
      FamilyPages.show(e, locale(), this::fieldLabel);
    } catch (IllegalArgumentException e) {
      FamilyPages.error(msg("family.field.kind") + " : " + msg("family.invalid"));
    }
  }

  public void declareQuotient() {
    Integer value =
        quotientValue != null && quotientValue.strip().matches("[0-9]{1,6}")
            ? Integer.valueOf(quotientValue.strip())
            : null;
    LocalDate from = FamilyPages.date(quotientFrom);
    Integer resources = null;
    if (quotientResources != null && !quotientResources.isBlank()) {
      try {
        resources =
            Math.toIntExact(
                fr.cite.payments.domain.Money.parseEuros(
                        quotientResources.replace(" ", "").replace("\u00a0", "").replace("€", ""))
                    .cents());
        if (resources < 0) {
          throw new IllegalArgumentException("negative");
        }
      } catch (IllegalArgumentException | ArithmeticException e) {
        FamilyPages.error(msg("family.quotient.resourcesFormat"));
        return;
      }
    }
    if (value == null || from == null) {
      FamilyPages.error(msg("family.quotient.required"));
      return;
    }
    try {
      FamilyFiles.Upload upload = upload(certificate, "certificate");
      if (upload == null) {
        return;
      }
      files.declareQuotient(
          FamilyPages.requireSubject(),
          FamilyPages.citizen(),
          value,
          resources,
          fr.cite.platform.family.domain.Quotient.Source.valueOf(quotientSource),
          from,
          FamilyPages.date(quotientTo),
          upload,
          locale().getLanguage());
      FamilyPages.redirect("/compte/famille/", "quotient");
    } catch (ProblemException e) {
      FamilyPages.show(e, locale(), this::fieldLabel);
    } catch (IllegalArgumentException e) {
      FamilyPages.error(msg("family.invalid"));
    }
  }

  FamilyFiles.Upload upload(Part part, String field) {
    if (part == null || part.getSize() == 0) {
      FamilyPages.error(fieldLabel(field) + " : " + msg("family.fileRequired"));
      return null;
    }
    if (part.getSize() > MAX_UPLOAD) {
      FamilyPages.error(fieldLabel(field) + " : " + msg("family.fileTooLarge"));
      return null;
    }
    try (InputStream in = part.getInputStream()) {
      return new FamilyFiles.Upload(part.getSubmittedFileName(), in.readAllBytes());
    } catch (IOException e) {
      FamilyPages.error(fieldLabel(field) + " : " + msg("family.fileRequired"));
      return null;
    }
  }

  /** A field's name as the form shows it. */
  public String fieldLabel(String field) {
    return msg("family.field." + field);
  }

  static String msg(String key) {
    return FamilyMessages.get(key);
  }

  static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  // ---------------------------------------------------------------- form fields

  public String getAddress() {
    return address;
  }

  public void setAddress(String v) {
    address = v;
  }

  public String getPostcode() {
    return postcode;
  }

  public void setPostcode(String v) {
    postcode = v;
  }

  public String getCity() {
    return city;
  }

  public void setCity(String v) {
    city = v;
  }

  public boolean isResident() {
    return resident;
  }

  public void setResident(boolean v) {
    resident = v;
  }

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String v) {
    firstName = v;
  }

  public String getLastName() {
    return lastName;
  }

  public void setLastName(String v) {
    lastName = v;
  }

  public String getBirthDate() {
    return birthDate;
  }

  public void setBirthDate(String v) {
    birthDate = v;
  }

  public String getSchool() {
    return school;
  }

  public void setSchool(String v) {
    school = v;
  }

  public String getClassLevel() {
    return classLevel;
  }

  public void setClassLevel(String v) {
    classLevel = v;
  }

  public String getAllergies() {
    return allergies;
  }

  public void setAllergies(String v) {
    allergies = v;
  }

  public boolean isPai() {
    return pai;
  }

  public void setPai(boolean v) {
    pai = v;
  }

  public boolean isImageRights() {
    return imageRights;
  }

  public void setImageRights(boolean v) {
    imageRights = v;
  }

  public String getEmergencyName() {
    return emergencyName;
  }

  public void setEmergencyName(String v) {
    emergencyName = v;
  }

  public String getEmergencyPhone() {
    return emergencyPhone;
  }

  public void setEmergencyPhone(String v) {
    emergencyPhone = v;
  }

  public String getPickupName() {
    return pickupName;
  }

  public void setPickupName(String v) {
    pickupName = v;
  }

  public String getPickupPhone() {
    return pickupPhone;
  }

  public void setPickupPhone(String v) {
    pickupPhone = v;
  }

  public String getGuestName() {
    return guestName;
  }

  public void setGuestName(String v) {
    guestName = v;
  }

  public String getGuestEmail() {
    return guestEmail;
  }

  public void setGuestEmail(String v) {
    guestEmail = v;
  }

  public String getDocumentKind() {
    return documentKind;
  }

  public void setDocumentKind(String v) {
    documentKind = v;
  }

  public String getDocumentValidTo() {
    return documentValidTo;
  }

  public void setDocumentValidTo(String v) {
    documentValidTo = v;
  }

  public Part getDocument() {
    return document;
  }

  public void setDocument(Part v) {
    document = v;
  }

  public String getQuotientValue() {
    return quotientValue;
  }

  public String getQuotientResources() {
    return quotientResources;
  }

  public void setQuotientResources(String v) {
    quotientResources = v;
  }

  public void setQuotientValue(String v) {
    quotientValue = v;
  }

  public String getQuotientSource() {
    return quotientSource;
  }

  public void setQuotientSource(String v) {
    quotientSource = v;
  }

  public String getQuotientFrom() {
    return quotientFrom;
  }

  public void setQuotientFrom(String v) {
    quotientFrom = v;
  }

  public String getQuotientTo() {
    return quotientTo;
  }

  public void setQuotientTo(String v) {
    quotientTo = v;
  }

  public Part getCertificate() {
    return certificate;
  }

  public void setCertificate(Part v) {
    certificate = v;
  }
}
