# The Backforge platform image: one jar, roles chosen with BACKFORGE_ROLES (web, worker, or both).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 python3-flask python3-flask-sqlalchemy \
      python3-flask-jwt-extended python3-pytest python3-marshmallow \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home /app backforge
COPY --from=build /src/api/target/backforge.jar /app/backforge.jar
USER backforge
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/backforge.jar"]
