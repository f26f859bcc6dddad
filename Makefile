# `sam build` runs this target (template.yaml: BuildMethod makefile). It builds the same zip as
# `mvn -B package -DskipTests`, with a JDK >= 21 that .ci/jdk.sh finds, and unpacks it for SAM;
# the tests are for `mvn -B verify`, not for a deploy.
build-DxFailoverFunction:
	. ./.ci/jdk.sh && mvn -B -q package -DskipTests
	cd "$(ARTIFACTS_DIR)" && jar xf "$(CURDIR)/target/aws-dx-failover.zip"
