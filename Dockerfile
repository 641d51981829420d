# Builds and runs the product from this repository (used by docker-compose.yml).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN ./mvnw -B -q package -DskipTests \
    # the jar's content as plain jars (application + lib/): class data sharing archives classes from jars only
    && java -Djarmode=tools -jar target/isms-approval-*.jar extract --destination /app \
    && mv /app/isms-approval-*.jar /app/isms-approval.jar

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 1001 isms
WORKDIR /app
COPY --from=build /app /app
# Start-up (docs/performance.md, W4): a training run starts the application once on an in-memory H2 (no database or mail
# server needed at build time) and exits after the context refresh; the JVM writes the classes it loaded to a class
# data sharing archive, which every start then maps instead of loading and verifying those classes again.
RUN java -XX:ArchiveClassesAtExit=/app/isms.jsa -Dspring.context.exit=onRefresh -jar /app/isms-approval.jar \
      --spring.datasource.url=jdbc:h2:mem:cds --isms.demo.enabled=false --logging.level.root=warn \
    && chmod 444 /app/isms.jsa
USER isms
ENV TZ=Asia/Tokyo \
    SPRING_PROFILES_ACTIVE=postgres \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Duser.timezone=Asia/Tokyo"
EXPOSE 8080
# without the archive (or with a JVM it does not fit) the JVM starts as usual, only slower
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/isms.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", "/app/isms-approval.jar"]
