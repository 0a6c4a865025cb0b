package io.tenantsync.conformance;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The standalone suite: runs the chosen sections against any SCIM 2.0 server with the JUnit
 * Platform Launcher and prints a pass/fail/skipped report per section. Exit code 0 iff no check
 * failed.
 *
 * <pre>
 * java -jar scim-conformance.jar --base-url https://host/scim/v2 --token T [--only users,filter]
 *     [--user-domain example.org] [--installation-url U --operator-token T]
 * </pre>
 */
@Command(
    name = "scim-conformance",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Black-box SCIM 2.0 conformance checks (RFC 7643, RFC 7644, RFC 9865).")
public final class ConformanceRunner implements Callable<Integer> {

  @Option(
      names = "--base-url",
      required = true,
      description = "SCIM service root, e.g. https://host/scim/v2")
  private URI baseUrl;

  @Option(
      names = "--token",
      defaultValue = "${env:SCIM_TOKEN}",
      description = "Bearer token (default: $SCIM_TOKEN)")
  private @Nullable String token;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "SECTION",
      completionCandidates = SectionNames.class,
      description = "Run only these sections (comma-separated): ${COMPLETION-CANDIDATES}")
  private @Nullable List<String> only;

  @Option(
      names = "--user-domain",
      defaultValue = ScimTarget.DEFAULT_USER_DOMAIN,
      description = "Domain of the userNames the checks create (default: ${DEFAULT-VALUE})")
  private String userDomain = ScimTarget.DEFAULT_USER_DOMAIN;

  @Option(
      names = "--installation-url",
      description = "TenantSync installation API root (section reseller), e.g. http://host/scim/v2")
  private @Nullable URI installationUrl;

  @Option(
      names = "--operator-token",
      defaultValue = "${env:SCIM_OPERATOR_TOKEN}",
      description = "TenantSync operator token (section reseller; default: $SCIM_OPERATOR_TOKEN)")
  private @Nullable String operatorToken;

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  public static void main(final String[] args) {
    System.exit(new CommandLine(new ConformanceRunner()).execute(args));
  }

  @Override
  public Integer call() {
    final Set<Section> sections = EnumSet.noneOf(Section.class);
    if (only == null || only.isEmpty()) {
      sections.addAll(EnumSet.allOf(Section.class));
    } else {
      for (final String name : only) {
        sections.add(
            Section.byTag(name)
                .orElseThrow(
                    () ->
                        new CommandLine.ParameterException(
                            spec.commandLine(),
                            "unknown section \""
                                + name
                                + "\"; sections: "
                                + Arrays.stream(Section.values())
                                    .map(Section::tag)
                                    .collect(Collectors.joining(", ")))));
      }
    }
    final ScimTarget target =
        new ScimTarget(baseUrl, token, installationUrl, operatorToken, userDomain);
    final PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    out.println("SCIM conformance: " + target.baseUrl() + " — sections " + tags(sections));
    final ConformanceReport report = run(target, sections);
    report.print(out);
    return report.passed() ? 0 : 1;
  }

  /** Runs the sections against the target, in this JVM, and returns the report. */
  public static ConformanceReport run(final ScimTarget target, final Collection<Section> sections) {
    return run(target.toParameters(), sections);
  }

  /**
   * Runs the sections with the given configuration parameters ({@code scim.baseUrl}…; absent ones
   * fall back to system properties, then to the class path's {@link ScimTargetProvider}).
   */
  public static ConformanceReport run(
      final Map<String, String> parameters, final Collection<Section> sections) {
    final List<Section> ordered = new ArrayList<>(EnumSet.copyOf(sections));
    final LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(
                ordered.stream()
                    .flatMap(section -> section.classes().stream())
                    .map(c -> selectClass(c))
                    .toList())
            .configurationParameters(parameters)
            .build();
    final ConformanceReport report = new ConformanceReport(ordered);
    final Launcher launcher = LauncherFactory.create();
    launcher.execute(request, new ReportListener(report));
    return report;
  }

  /** The section names, for {@code --help}. */
  static final class SectionNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Arrays.stream(Section.values()).map(Section::tag).iterator();
    }
  }

  private static String tags(final Collection<Section> sections) {
    return sections.stream().map(Section::tag).collect(Collectors.joining(", "));
  }
}
