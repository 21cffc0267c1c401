# ---- build: compile and package the Spring Boot jar ----
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build

# Dependencies first, so this layer is reused until pom.xml or the wrapper changes.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN chmod +x mvnw && ./mvnw -B dependency:go-offline

COPY src src
# -Pproduction leaves the embedded PostgreSQL (launcher and server binaries) out of the jar: the image always runs
# against a PostgreSQL of its own (SPRING_DATASOURCE_URL) and stops with a clear message without one.
# Take the one boot jar (a *-plain.jar is skipped); if two jars match, cp fails and so does the build.
RUN ./mvnw -B -DskipTests -Pproduction package \
 && mkdir -p /out \
 && cp "$(ls target/*.jar | grep -v -- '-plain\.jar$')" /out/app.jar

# ---- runtime: JRE only, non-root ----
FROM eclipse-temurin:17-jre

# The Temurin Ubuntu images ship curl (used by HEALTHCHECK); install it only if a base image lacks it.
RUN command -v curl >/dev/null \
 || { apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*; }

RUN groupadd --gid 10001 portal \
 && useradd --uid 10001 --gid portal --home-dir /app --no-create-home --shell /usr/sbin/nologin portal

WORKDIR /app
COPY --from=build /out/app.jar /app/app.jar

USER 10001:10001
EXPOSE 8080

HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${PORT:-8080}/actuator/health" || exit 1

# Memory defaults for a small portal (docs/operations.md); override with JAVA_TOOL_OPTIONS at run time.
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=256m -Xmx256m -Xms32m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TrimNativeHeapInterval=5000"
ENTRYPOINT ["java","-jar","/app/app.jar"]
