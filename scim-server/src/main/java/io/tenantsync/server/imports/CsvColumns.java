package io.tenantsync.server.imports;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of Microsoft 365's bulk-add CSV template (R21), matched case- and space-insensitively
 * ({@code "User Name"}, {@code "user name"} and {@code "UserName"} are the same column).
 */
enum CsvColumns {
  USER_NAME("User Name"),
  FIRST_NAME("First Name"),
  LAST_NAME("Last Name"),
  DISPLAY_NAME("Display Name"),
  JOB_TITLE("Job Title"),
  DEPARTMENT("Department"),
  OFFICE_NUMBER("Office Number"),
  OFFICE_PHONE("Office Phone"),
  MOBILE_PHONE("Mobile Phone"),
  FAX("Fax"),
  ALTERNATE_EMAIL("Alternate email address"),
  ADDRESS("Address"),
  CITY("City"),
  STATE("State or Province"),
  POSTAL_CODE("ZIP or Postal Code"),
  COUNTRY("Country or Region");

  private static final Map<String, CsvColumns> BY_KEY = index();

  final String header;

  CsvColumns(String header) {
    this.header = header;
  }

  static Optional<CsvColumns> of(String header) {
    return Optional.ofNullable(BY_KEY.get(key(header)));
  }

  private static String key(String header) {
    return header.replace("\uFEFF", "").replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }

  private static Map<String, CsvColumns> index() {
    java.util.HashMap<String, CsvColumns> map = new java.util.HashMap<>();
    for (CsvColumns column : values()) {
      map.put(key(column.header), column);
    }
    map.put(key("Alternate email"), ALTERNATE_EMAIL);
    map.put(key("Country"), COUNTRY);
    return Map.copyOf(map);
  }
}
