package io.tenantsync.server.protocol.query;

/** The attribute operators of RFC 7644 §3.4.2.2 and their HQL counterparts. */
enum Operator {
  EQ("="),
  NE("<>"),
  CO("like"),
  SW("like"),
  EW("like"),
  GT(">"),
  GE(">="),
  LT("<"),
  LE("<="),
  PR("is not null");

  private final String hql;

  Operator(String hql) {
    this.hql = hql;
  }

  String hql() {
    return hql;
  }

  boolean isLike() {
    return this == CO || this == SW || this == EW;
  }

  boolean isOrdering() {
    return this == GT || this == GE || this == LT || this == LE;
  }

  /** The operator as a client writes it: {@code eq}, {@code co}, … */
  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
