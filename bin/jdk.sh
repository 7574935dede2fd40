# Sourced by the scripts in bin/: points JAVA_HOME at a JDK 21 or newer.
# The machine's default java may be older; we look at JAVA_HOME first, then the usual JDK folders.
latchkey_java_major() {
    # The JDK's release file names its version: reading it costs nothing, starting java costs ~100 ms.
    if [ -f "$1/release" ]; then
        sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
    else
        "$1/bin/java" -XshowSettings:properties -version 2>&1 \
            | awk -F'= ' '/java.specification.version/ { split($2, v, "."); print v[1]; exit }'
    fi
}

latchkey_pick_jdk() {
    local candidate major
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
        [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
        major=$(latchkey_java_major "$candidate")
        if [ -n "$major" ] && [ "$major" -ge 21 ]; then
            export JAVA_HOME="$candidate"
            export LATCHKEY_JAVA_MAJOR="$major"
            export PATH="$JAVA_HOME/bin:$PATH"
            return 0
        fi
    done
    echo "Latchkey needs a JDK 21 or newer; set JAVA_HOME to one." >&2
    return 1
}

latchkey_pick_jdk
