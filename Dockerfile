# The Backforge platform image: one jar, roles chosen with BACKFORGE_ROLES (web, worker, or both).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q package -DskipTests

# Debian 12 with the same packages as our CI machines, so that a worker can also verify
# generated projects: Python and the packages Flask projects import, Black and pyflakes for
# Flask; a JDK and Maven for Spring Boot; bubblewrap for the sandbox. Where the container may
# not create user namespaces (Docker's default seccomp profile), the worker says so at start-up
# and verifications are SKIPPED with that reason; projects are generated all the same.
FROM node:20-bookworm-slim AS node

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven \
      python3-flask python3-flask-sqlalchemy python3-python-flask-jwt-extended python3-pytest \
      python3-marshmallow python3-flask-migrate python3-dotenv python3-psycopg2 python3-pymysql \
      black pyflakes3 bubblewrap util-linux coreutils \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --home-dir /app backforge
# The platform's jar and the jars of its classpath beside it (its manifest names them under lib/);
# the libraries change less often than the platform, so they make a layer of their own.
# Node.js 20 and npm for NestJS verification, from the official Node image (Debian 12's nodejs
# is 18); the NestJS recipe runs /usr/bin/node and /usr/bin/npm.
COPY --from=node /usr/local/bin/node /usr/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/bin/npm
COPY --from=build /src/api/target/lib /app/lib
COPY --from=build /src/api/target/backforge.jar /app/backforge.jar
USER backforge
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/backforge.jar"]
