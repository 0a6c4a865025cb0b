package io.tenantsync.conformance;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a run: passed, failed and skipped checks per section, and the failing checks with
 * their messages (which carry the HTTP exchange). Built by one thread, read afterwards.
 */
public final class ConformanceReport {

  /** One check's outcome. */
  public enum Outcome {
    PASSED,
    FAILED,
    SKIPPED
  }

  /** One check that did not pass: its name and why. */
  public record Result(Section section, String check, Outcome outcome, String message) {}

  private final Map<Section, int[]> counts = new EnumMap<>(Section.class);
  private final List<Result> problems = new ArrayList<>();

  ConformanceReport(final Iterable<Section> sections) {
    sections.forEach(section -> counts.put(section, new int[Outcome.values().length]));
  }

  void record(final Section section, final String check, final Outcome outcome, final String why) {
    counts.computeIfAbsent(section, s -> new int[Outcome.values().length])[outcome.ordinal()]++;
    if (outcome != Outcome.PASSED) {
      problems.add(new Result(section, check, outcome, why));
    }
  }

  public int count(final Section section, final Outcome outcome) {
    final int[] row = counts.get(section);
    return row == null ? 0 : row[outcome.ordinal()];
  }

  public int total(final Outcome outcome) {
    return counts.values().stream().mapToInt(row -> row[outcome.ordinal()]).sum();
  }

  public List<Section> sections() {
    return List.copyOf(counts.keySet());
  }

  /** Failed and skipped checks, in the order they ran. */
  public List<Result> problems() {
    return Collections.unmodifiableList(problems);
  }

  public boolean passed() {
    return total(Outcome.FAILED) == 0;
  }

  /** The table per section, then each failure with its message, then the skipped checks. */
  public void print(final PrintWriter out) {
    out.printf("%-12s %7s %7s %8s%n", "section", "passed", "failed", "skipped");
    for (final Section section : counts.keySet()) {
      out.printf(
          "%-12s %7d %7d %8d%n",
          section.tag(),
          count(section, Outcome.PASSED),
          count(section, Outcome.FAILED),
          count(section, Outcome.SKIPPED));
    }
    out.printf(
        "%-12s %7d %7d %8d%n",
        "TOTAL", total(Outcome.PASSED), total(Outcome.FAILED), total(Outcome.SKIPPED));
    printProblems(out, Outcome.FAILED, "FAILED");
    printProblems(out, Outcome.SKIPPED, "SKIPPED");
    out.println();
    out.printf(
        "%d passed, %d failed, %d skipped%n",
        total(Outcome.PASSED), total(Outcome.FAILED), total(Outcome.SKIPPED));
    out.flush();
  }

  private void printProblems(final PrintWriter out, final Outcome outcome, final String title) {
    final List<Result> selected =
        problems.stream().filter(result -> result.outcome() == outcome).toList();
    if (selected.isEmpty()) {
      return;
    }
    out.println();
    out.println(title + ":");
    for (final Result result : selected) {
      out.println("[" + result.section().tag() + "] " + result.check());
      result.message().lines().forEach(line -> out.println("    " + line));
    }
  }
}
