#!/bin/sh
# Read benchmark (issue 3): seeds 1,000,000 users into MariaDB/MySQL, starts TenantSync in process
# and compares its reads with a bare Jetty + JDBC yardstick in the same run. Not part of the build.
#
#   scripts/bench-reads.sh                      # MariaDB at 127.0.0.1:3306, root without password
#   BENCH_OPTS="-Dbench.users=100000 -Dbench.seconds=10" scripts/bench-reads.sh
#
# It drops and re-creates the database tenantsync_bench (-Dbench.database=…) and drops it at the end
# (-Dbench.keep=true keeps it). JVM: BENCH_JAVA_OPTS, default -Xms2g -Xmx2g -XX:+UseParallelGC.
set -eu
cd "$(dirname "$0")/.."
# Compiles in the reactor (nothing is installed into ~/.m2) and writes the test classpath.
mvn -B -q -pl scim-server -am test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile='${project.build.directory}/bench.classpath' -Dmdep.includeScope=test \
  -Dspotless.check.skip=true
CP="scim-server/target/test-classes:scim-server/target/classes:$(cat scim-server/target/bench.classpath)"
exec java ${BENCH_JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseParallelGC} \
  ${BENCH_OPTS:-} -cp "$CP" io.tenantsync.server.bench.ReadsBenchmark
