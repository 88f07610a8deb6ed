package fr.cite.platform.requests.domain;

/** Kinds of fields a request form may have. */
public enum FieldType {
  TEXT,
  LONG_TEXT,
  NUMBER,
  DATE,
  CHOICE,
  MULTI_CHOICE,
  EMAIL,
  PHONE,
  ADDRESS,
  FILE,
  CHECKBOX
}
