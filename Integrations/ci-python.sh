#!/usr/bin/env bash
# CI for the Python integrations (Integrations/python, Integrations/spark): installs pytest,
# warcio and a pinned pyspark, Java 17 when there is no Java 17 or newer, and runs
# Tests/python/integrations against the built binary ($BEIAN, default .build/debug/beian).
# Run it after `swift build`, from anywhere: `bash Integrations/ci-python.sh`.
#
# Measured on the 2-core machine: installing pyspark 4.3.0 (a 456 MB download, built into a
# wheel) takes about 1 minute the first time; the Spark tests take about 50 s (two Spark
# starts: spark-submit, and a session in the test process).
set -euo pipefail
cd "$(dirname "$0")/.."

PYSPARK_VERSION=4.3.0
WARCIO_VERSION=1.8.1

export BEIAN="${BEIAN:-$PWD/.build/debug/beian}"
[ -x "$BEIAN" ] || { echo "build beian first (swift build): $BEIAN is missing"; exit 1; }

java_major() {
    java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}
major=$(command -v java >/dev/null 2>&1 && java_major || true)
if [ "${major:-0}" -lt 17 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y openjdk-17-jre-headless
fi

python3 -m pip install --quiet --disable-pip-version-check pytest "warcio==$WARCIO_VERSION" "pyspark==$PYSPARK_VERSION"

# -rs lists every skip with its reason: the [real] tests are skipped only while the binary
# lacks `beian serve`, the Spark tests only while it cannot read WARC files.
python3 -m pytest -q -rs Tests/python/integrations
