# Parley's image, built from the repository (docker-compose.yml uses it).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY schemas schemas
COPY parley-core parley-core
COPY parley-streams parley-streams
COPY parley-embedded parley-embedded
COPY streams-app streams-app
# The reactor lists every module; only the app (and what it needs) is built.
COPY parley-tools/pom.xml parley-tools/pom.xml
COPY bench/pom.xml bench/pom.xml
RUN mvn -B -q -pl streams-app -am package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/streams-app/target/parley.jar /app/parley.jar
COPY samples /app/samples
ENV PARLEY_DATA_DIR=/data PARLEY_HTTP_HOST=0.0.0.0
VOLUME /data
EXPOSE 8080
# A bounded heap (README "Operations"): three quarters of the container's memory.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/parley.jar"]
CMD ["run"]
