package fr.cite.platform.incidents.api;

import fr.cite.platform.input.PlainText;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Open311's {@code POST requests} body, form-encoded as the specification says: parsed into a typed
 * record, each missing or bad field a 400 in the specification's error format.
 */
final class Open311Bodies {

  private Open311Bodies() {}

  record NewRequest(
      String serviceCode,
      double lat,
      double lon,
      String address,
      String email,
      String firstName,
      String lastName,
      String phone,
      String description) {

    static NewRequest of(MultivaluedMap<String, String> form) {
      if (form == null) {
        throw new Open311Resource.Open311Error(400, "a form-encoded body is required");
      }
      String email = text(form, "email", 254, false);
      if (email.isEmpty() || !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
        throw new Open311Resource.Open311Error(400, "email is required (a valid address)");
      }
      String service = text(form, "service_code", 60, false);
      if (service.isEmpty()) {
        throw new Open311Resource.Open311Error(400, "service_code is required");
      }
      return new NewRequest(
          service,
          coordinate(form, "lat", 90),
          coordinate(form, "long", 180),
          text(form, "address_string", 300, false),
          email,
          text(form, "first_name", 80, false),
          text(form, "last_name", 80, false),
          text(form, "phone", 30, false),
          text(form, "description", 2000, true));
    }

    static String text(MultivaluedMap<String, String> form, String name, int max, boolean lines) {
      String v = form.getFirst(name);
      if (v == null) {
        return "";
      }
      v = v.strip();
      if (v.length() > max) {
        throw new Open311Resource.Open311Error(
            400, name + " is longer than " + max + " characters");
      }
      if (PlainText.hasForbiddenCharacters(v, lines)) {
        throw new Open311Resource.Open311Error(400, name + " holds control characters");
      }
      return v;
    }

    static double coordinate(MultivaluedMap<String, String> form, String name, int bound) {
      String v = form.getFirst(name);
      if (v == null || v.isBlank()) {
        throw new Open311Resource.Open311Error(
            400, "lat and long are required (address_string alone is not geocoded here)");
      }
      try {
        double d = Double.parseDouble(v.strip());
        if (Double.isFinite(d) && Math.abs(d) <= bound) {
          return d;
        }
      } catch (NumberFormatException e) {
        // below
      }
      throw new Open311Resource.Open311Error(400, name + " must be a number within ±" + bound);
    }
  }
}
