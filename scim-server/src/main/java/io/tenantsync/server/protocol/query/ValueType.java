package io.tenantsync.server.protocol.query;

/**
 * How a filterable SCIM attribute is stored, which decides the operators it supports (RFC 7644
 * §3.4.2.2) and how a filter's comparison value is converted into a query parameter.
 */
public enum ValueType {
  /**
   * Text: every operator; {@code gt}/{@code ge}/{@code lt}/{@code le} compare lexicographically.
   */
  STRING,
  /** {@code eq}, {@code ne} and {@code pr} only; ordering a boolean is an invalid filter. */
  BOOLEAN,
  /** An xsd:dateTime kept as epoch milliseconds in a {@code long} column. */
  DATETIME,
  /** A whole number, bound as a {@code Long}. */
  INTEGER,
  /** A decimal number, bound as a {@code BigDecimal}. */
  DECIMAL
}
