package io.tenantsync.conformance;

import io.tenantsync.conformance.ConformanceReport.Outcome;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns JUnit Platform events into a {@link ConformanceReport}. A class whose set-up fails or is
 * skipped counts each of its checks as failed or skipped, so that no check silently disappears.
 */
final class ReportListener implements TestExecutionListener {

  private final ConformanceReport report;
  private final Set<String> recorded = new HashSet<>();
  private TestPlan plan;

  ReportListener(final ConformanceReport report) {
    this.report = report;
  }

  @Override
  public void testPlanExecutionStarted(final TestPlan testPlan) {
    this.plan = testPlan;
  }

  @Override
  public void executionSkipped(final TestIdentifier identifier, final String reason) {
    if (identifier.isTest()) {
      record(identifier, Outcome.SKIPPED, reason);
    } else {
      descendantsNotRecorded(identifier, Outcome.SKIPPED, reason);
    }
  }

  @Override
  public void executionFinished(final TestIdentifier identifier, final TestExecutionResult result) {
    final Outcome outcome =
        switch (result.getStatus()) {
          case SUCCESSFUL -> Outcome.PASSED;
          case ABORTED -> Outcome.SKIPPED;
          case FAILED -> Outcome.FAILED;
        };
    final String why = result.getThrowable().map(ReportListener::describe).orElse("");
    if (identifier.isTest()) {
      record(identifier, outcome, why);
    } else if (outcome != Outcome.PASSED) {
      descendantsNotRecorded(identifier, outcome, why);
    }
  }

  private void descendantsNotRecorded(
      final TestIdentifier container, final Outcome outcome, final String why) {
    if (plan == null) {
      return;
    }
    plan.getDescendants(container).stream()
        .filter(TestIdentifier::isTest)
        .filter(test -> !recorded.contains(test.getUniqueId()))
        .forEach(test -> record(test, outcome, why));
  }

  private void record(final TestIdentifier test, final Outcome outcome, final String why) {
    if (!recorded.add(test.getUniqueId())) {
      return;
    }
    final Optional<String> className = className(test);
    className
        .flatMap(Section::ofClass)
        .ifPresent(
            section ->
                report.record(
                    section,
                    simpleName(className.get()) + " › " + test.getDisplayName(),
                    outcome,
                    why));
  }

  private static Optional<String> className(final TestIdentifier test) {
    return test.getSource()
        .flatMap(
            source -> {
              if (source instanceof MethodSource method) {
                return Optional.of(method.getClassName());
              }
              if (source instanceof ClassSource type) {
                return Optional.of(type.getClassName());
              }
              return Optional.empty();
            });
  }

  private static String simpleName(final String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  private static String describe(final Throwable failure) {
    if (failure instanceof AssertionError && failure.getMessage() != null) {
      return failure.getMessage();
    }
    final StringBuilder out = new StringBuilder(failure.toString());
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      out.append("\ncaused by ").append(cause);
    }
    return out.toString();
  }
}
