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
# The jar is then extracted (Spring Boot's `tools` jar mode): app.jar with its libraries in lib/ beside it, loaded by
# the JVM's own class loader instead of the nested-jar launcher, and a layout a class data sharing archive can use.
RUN ./mvnw -B -DskipTests -Pproduction package \
 && mkdir -p /out \
 && cp "$(ls target/*.jar | grep -v -- '-plain\.jar$')" /out/portal.jar \
 && java -Djarmode=tools -jar /out/portal.jar extract --destination /out/app \
 && mv /out/app/portal.jar /out/app/app.jar

# ---- runtime: JRE only, non-root ----
FROM eclipse-temurin:17-jre

# The Temurin Ubuntu images ship curl (used by HEALTHCHECK); install it only if a base image lacks it.
RUN command -v curl >/dev/null \
 || { apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*; }

RUN groupadd --gid 10001 portal \
 && useradd --uid 10001 --gid portal --home-dir /app --no-create-home --shell /usr/sbin/nologin portal

WORKDIR /app
COPY --from=build /out/app /app

# Memory defaults for a small portal (docs/operations.md); override with JAVA_TOOL_OPTIONS at run time. Set before the
# training run below, so that the class data sharing archive is made with the flags it is used with.
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=256m -Xmx256m -Xms32m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TrimNativeHeapInterval=5000"

# Class data sharing (docs/operations.md, "Start-up"): a training run starts the application context once, without a
# database (profile cds-training in application.yml: no Flyway, no schema validation, no JDBC metadata; the refused
# connections it logs are expected) and exits once refreshed; the classes it loaded go to app.jsa, which every start
# maps instead of loading and verifying them again. The archive belongs to this image's JVM and jar: it is made here, not copied.
# A dynamic archive extends the JDK's own (lib/server/classes.jsa); it is made first if the base image lacks it.
RUN { ls "$JAVA_HOME"/lib/server/classes*.jsa >/dev/null 2>&1 || java -Xshare:dump >/dev/null; } \
 && java -XX:ArchiveClassesAtExit=/app/app.jsa -Dspring.context.exit=onRefresh -jar /app/app.jar \
      --spring.profiles.active=cds-training > /tmp/training.log 2>&1 \
 && test -s /app/app.jsa || { tail -40 /tmp/training.log; exit 1; }

USER 10001:10001
EXPOSE 8080

HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${PORT:-8080}/actuator/health" || exit 1

ENTRYPOINT ["java","-XX:SharedArchiveFile=/app/app.jsa","-jar","/app/app.jar"]
