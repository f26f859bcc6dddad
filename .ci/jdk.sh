# Sourced by .ci/run, local/try-locally, bench/run and the Makefile: exports JAVA_HOME and PATH for a
# JDK >= 21. Order: $JAVA_HOME if it is new enough, the default java, then the last JDK >= 21 under
# /usr/lib/jvm in name order. It installs nothing: without a JDK >= 21 it says so and fails.
_java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(_java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
  :
elif command -v javac >/dev/null && [ "$(_java_major "$(command -v java)")" -ge 21 ]; then
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
else
  JAVA_HOME=""
  for _jdk in /usr/lib/jvm/*; do
    if [ -x "$_jdk/bin/javac" ] && [ "$(_java_major "$_jdk/bin/java")" -ge 21 ]; then JAVA_HOME=$_jdk; fi
  done
  if [ -z "$JAVA_HOME" ]; then
    echo "No JDK 21 or newer found (default java: $(java -version 2>&1 | head -n1)). Install one, for example" \
         "Eclipse Temurin or Amazon Corretto 21 or 25, and set JAVA_HOME to it." >&2
    return 1 2>/dev/null || exit 1
  fi
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
