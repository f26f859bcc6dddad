# Sourced by .ci/run, local/try-locally and bench/run: exports JAVA_HOME and PATH for a JDK >= 21.
# Order: $JAVA_HOME if it is new enough, the default java, then any JDK under /usr/lib/jvm,
# else Debian's openjdk-21 is installed (CI runs as root).
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
    echo "No JDK >= 21 found; installing Debian's openjdk-21-jdk-headless" >&2
    apt-get update -qq && apt-get install -y -qq openjdk-21-jdk-headless >/dev/null
    JAVA_HOME=$(ls -d /usr/lib/jvm/java-21-openjdk-* | head -n1)
  fi
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
