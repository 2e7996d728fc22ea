# Build stage: compile and package with the Maven wrapper.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/borderwatch-*.jar /app.jar

# Run stage: a JRE and the jar, as an unprivileged user.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 borderwatch
USER borderwatch
COPY --from=build /app.jar /app/borderwatch.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/borderwatch.jar"]
