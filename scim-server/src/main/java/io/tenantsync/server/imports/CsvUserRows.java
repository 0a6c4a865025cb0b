package io.tenantsync.server.imports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import io.tenantsync.server.protocol.ScimJsonProvider;
import io.tenantsync.server.users.UserSchemas;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Microsoft 365 bulk-add CSV (R21) into SCIM User resources, one per line, without applying
 * anything. A line that cannot become a user (no user name) is reported as such; columns TenantSync
 * does not know are reported, not silently dropped.
 */
final class CsvUserRows {
  static final int MAX_LINES = 10_000;

  /** One data line: its line number in the file and the user it describes, or why it can't. */
  record Row(long line, @Nullable ObjectNode user, @Nullable String problem) {}

  /** The whole file: its data lines in order, and the headers of columns TenantSync ignores. */
  record Parsed(List<Row> rows, List<String> ignoredColumns) {}

  /**
   * Parses the whole file before anything is applied; 400 if it is not CSV, lacks the User Name
   * column or has more than {@link #MAX_LINES} lines.
   */
  static Parsed read(Reader csv, List<String> entitlements) throws BadRequestException {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .build();
    try (CSVParser parser = CSVParser.parse(csv, format)) {
      Map<CsvColumns, String> columns = new EnumMap<>(CsvColumns.class);
      List<String> unknown = new ArrayList<>();
      for (String header : parser.getHeaderNames()) {
        CsvColumns.of(header)
            .ifPresentOrElse(c -> columns.put(c, header), () -> unknown.add(header));
      }
      if (!columns.containsKey(CsvColumns.USER_NAME)) {
        throw BadRequestException.invalidValue(
            "the CSV has no \"User Name\" column; expected the Microsoft 365 bulk-add columns"
                + " (User Name, First Name, Last Name, Display Name, …, Country or Region)");
      }
      List<Row> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        if (rows.size() >= MAX_LINES) {
          throw BadRequestException.tooMany("at most " + MAX_LINES + " users per import");
        }
        rows.add(row(record, parser.getCurrentLineNumber(), columns, entitlements));
      }
      return new Parsed(rows, unknown);
    } catch (IOException | UncheckedIOException e) {
      throw BadRequestException.invalidSyntax("the body is not valid CSV: " + e.getMessage());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw BadRequestException.invalidSyntax("the body is not valid CSV: " + e.getMessage());
    }
  }

  private static Row row(
      CSVRecord record, long line, Map<CsvColumns, String> columns, List<String> entitlements) {
    String userName = value(record, columns, CsvColumns.USER_NAME);
    if (userName == null) {
      return new Row(line, null, "User Name is empty");
    }
    int at = userName.indexOf('@');
    if (at <= 0 || at == userName.length() - 1 || userName.lastIndexOf('@') != at) {
      return new Row(line, null, "User Name '" + userName + "' is not local@domain");
    }
    ObjectNode user = ScimJsonProvider.MAPPER.createObjectNode();
    user.putArray("schemas")
        .add(UserSchemas.CORE)
        .add(UserSchemas.ENTERPRISE)
        .add(UserSchemas.RESELLER);
    user.put("userName", userName);
    String first = value(record, columns, CsvColumns.FIRST_NAME);
    String last = value(record, columns, CsvColumns.LAST_NAME);
    if (first != null || last != null) {
      ObjectNode name = user.putObject("name");
      putIfSet(name, "givenName", first);
      putIfSet(name, "familyName", last);
    }
    String display = value(record, columns, CsvColumns.DISPLAY_NAME);
    putIfSet(
        user,
        "displayName",
        display != null
            ? display
            : first != null || last != null ? String.join(" ", nonNull(first, last)) : null);
    putIfSet(user, "title", value(record, columns, CsvColumns.JOB_TITLE));
    String department = value(record, columns, CsvColumns.DEPARTMENT);
    if (department != null) {
      user.putObject(UserSchemas.ENTERPRISE).put("department", department);
    }
    ArrayNode phones = user.putArray("phoneNumbers");
    phone(phones, value(record, columns, CsvColumns.OFFICE_PHONE), "work");
    phone(phones, value(record, columns, CsvColumns.MOBILE_PHONE), "mobile");
    phone(phones, value(record, columns, CsvColumns.FAX), "fax");
    if (phones.isEmpty()) {
      user.remove("phoneNumbers");
    }
    ObjectNode reseller = user.putObject(UserSchemas.RESELLER);
    putIfSet(reseller, "alternateEmail", value(record, columns, CsvColumns.ALTERNATE_EMAIL));
    putIfSet(reseller, "officeLocation", value(record, columns, CsvColumns.OFFICE_NUMBER));
    String country = value(record, columns, CsvColumns.COUNTRY);
    String usageLocation = country == null ? null : Countries.alpha2(country).orElse(null);
    if (country != null && usageLocation == null) {
      return new Row(
          line, null, "Country or Region '" + country + "' is not a country name or ISO code");
    }
    putIfSet(reseller, "usageLocation", usageLocation);
    ObjectNode address = ScimJsonProvider.MAPPER.createObjectNode().put("type", "work");
    putIfSet(address, "streetAddress", value(record, columns, CsvColumns.ADDRESS));
    putIfSet(address, "locality", value(record, columns, CsvColumns.CITY));
    putIfSet(address, "region", value(record, columns, CsvColumns.STATE));
    putIfSet(address, "postalCode", value(record, columns, CsvColumns.POSTAL_CODE));
    putIfSet(address, "country", usageLocation);
    if (address.size() > 1) {
      user.putArray("addresses").add(address);
    }
    if (!entitlements.isEmpty()) {
      ArrayNode array = user.putArray("entitlements");
      entitlements.forEach(sku -> array.addObject().put("value", sku));
    }
    return new Row(line, user, null);
  }

  private static @Nullable String value(
      CSVRecord record, Map<CsvColumns, String> columns, CsvColumns column) {
    String header = columns.get(column);
    if (header == null || !record.isSet(header)) {
      return null;
    }
    String value = record.get(header);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static void phone(ArrayNode phones, @Nullable String number, String type) {
    if (number != null) {
      phones.addObject().put("value", number).put("type", type);
    }
  }

  private static List<String> nonNull(@Nullable String a, @Nullable String b) {
    List<String> parts = new ArrayList<>();
    if (a != null) {
      parts.add(a);
    }
    if (b != null) {
      parts.add(b);
    }
    return parts;
  }

  private static void putIfSet(ObjectNode node, String field, @Nullable String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
