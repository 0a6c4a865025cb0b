package io.tenantsync.connector.graph;

import java.net.http.HttpHeaders;
import java.util.Locale;

/** One received HTTP response. {@code request} is "METHOD /path" without the query. */
record GraphResponse(String request, int status, HttpHeaders headers, byte[] body) {

  String contentType() {
    return headers.firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
  }

  /** False only when the server declared a non-JSON content type. */
  boolean looksLikeJson() {
    String type = contentType();
    return type.isEmpty() || type.contains("json");
  }

  String describeBody() {
    String type = contentType();
    return (type.isEmpty() ? "no content type" : type) + ", " + body.length + " bytes";
  }
}
