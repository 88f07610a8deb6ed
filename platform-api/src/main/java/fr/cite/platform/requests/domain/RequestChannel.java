package fr.cite.platform.requests.domain;

/** How a request reached the town. */
public enum RequestChannel {
  WEB,
  PHONE,
  COUNTER,
  MAIL,
  MOBILE
}
