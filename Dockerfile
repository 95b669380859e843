# syntax=docker/dockerfile:1
# The loadstress-operator image: the operator (Java 17) plus the spark-generator jar and its Spark
# classpath, which the local provider runs as a child JVM.
#   docker build -t loadstress-operator:dev --build-arg REVISION=$(git rev-parse HEAD) .
# Both base images can be swapped for a mirror or a pinned digest with --build-arg.
ARG BUILD_IMAGE=maven:3.9.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre-jammy

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
# Dependency cache: only the POMs, so this layer is rebuilt when a POM changes, not on every edit.
COPY pom.xml ./
COPY operator/pom.xml operator/
COPY operator/api/pom.xml operator/api/
COPY operator/runtime/pom.xml operator/runtime/
COPY spark-generator/pom.xml spark-generator/
RUN mvn -B -ntp -q dependency:go-offline
# Sources; the build then works offline against the cache above. Tests run in CI, not here.
COPY crds/ crds/
COPY operator/ operator/
COPY spark-generator/ spark-generator/
RUN mvn -B -ntp -q -o -DskipTests package \
 && mvn -B -ntp -q -o -f spark-generator/pom.xml dependency:copy-dependencies \
      -DincludeScope=compile -DoutputDirectory=target/lib
# The image layout under /opt/loadstress: operator/ (jar + lib/) and spark-generator/ (jar, the
# Spark classpath in lib/, the JVM flags and log configuration of spark-generator/bin/run-local).
RUN set -eu; \
    out=/out/opt/loadstress; \
    mkdir -p "$out/operator" "$out/spark-generator"; \
    cp operator/runtime/target/loadstress-operator.jar "$out/operator/"; \
    cp -r operator/runtime/target/lib "$out/operator/lib"; \
    cp spark-generator/target/local-run/spark-generator.jar spark-generator/target/local-run/jvm-flags.txt \
       spark-generator/target/local-run/log4j2.properties "$out/spark-generator/"; \
    cp -r spark-generator/target/lib "$out/spark-generator/lib"; \
    (cd "$out/spark-generator" && ls lib/*.jar | sed "s|^|/opt/loadstress/spark-generator/|" | paste -sd: - > classpath.txt)

FROM ${RUNTIME_IMAGE}
ARG RUNTIME_IMAGE
ARG VERSION=0.1.0
ARG REVISION=unknown
ARG CREATED=unknown
LABEL org.opencontainers.image.title="loadstress-operator" \
      org.opencontainers.image.description="Kubernetes operator for AWS load/stress test environments of a data platform" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.vendor="BrightHive" \
      org.opencontainers.image.source="https://github.com/brighthive/loadstress-operator" \
      org.opencontainers.image.documentation="https://github.com/brighthive/loadstress-operator#readme" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.base.name="${RUNTIME_IMAGE}"
# A fixed, non-root uid/gid (the chart's podSecurityContext uses the same); no login shell, no home.
RUN groupadd --system --gid 10001 loadstress \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin loadstress \
 && install -d -o 10001 -g 10001 -m 0750 /var/lib/loadstress
COPY --from=build --chown=root:root /out/ /
ENV LOADSTRESS_SPARK_GENERATOR_HOME=/opt/loadstress/spark-generator \
    LOADSTRESS_WORK_DIR=/var/lib/loadstress \
    LOADSTRESS_METRICS_PORT=8080 \
    JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
USER 10001:10001
WORKDIR /var/lib/loadstress
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/loadstress/operator/loadstress-operator.jar"]
CMD ["run"]
