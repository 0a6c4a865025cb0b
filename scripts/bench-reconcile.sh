#!/usr/bin/env bash
# Reconciliation benchmark (issue 5): a 100,000-account sandbox tenant on MariaDB at
# 127.0.0.1:3306 (root, no password), reconciled in full and then by delta, in a JVM limited to
# 512 MB heap. Prints seconds, counts and peak heap per run. Creates and drops its own database.
#   scripts/bench-reconcile.sh            # 100,000 accounts
#   ACCOUNTS=20000 scripts/bench-reconcile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl scim-server -am test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile='${project.build.directory}/bench.classpath' -Dmdep.includeScope=test \
  -Dspotless.check.skip
cp="scim-server/target/test-classes:scim-server/target/classes:reseller-connector/target/classes:$(cat scim-server/target/bench.classpath)"
exec java -Xmx512m -Dbench.accounts="${ACCOUNTS:-100000}" -cp "$cp" \
  io.tenantsync.server.bench.ReconcileBenchmark
