# Sourced by bin/server and by the distribution's launcher: the server's JVM options, in ${jvm[@]}.
# Memory: a heap sized for the work (64 MiB, plus 24 MiB per core for the Argon2id hashes of 19 MiB
# that may run at once, one per core by default, whose blocks the server keeps in a pool) that gives
# back what it does not use, the serial collector (no collector threads or remembered sets to pay for
# on a heap this small) and smaller thread stacks. Measured with bin/bench throughput on 2026-11-22:
# 203 MB at ready and 834 MB after load before, 119-122 MB and 265-272 MB with these. A server that
# needs more headroom (many more hashing slots, say) wants a larger -Xmx:
# set it in LATCHKEY_JAVA_OPTS, which comes after these. The hashes' blocks are dropped once sign-ins
# stop for 10 s, and a full collection then gives the room back at once (-XX:-ShrinkHeapInSteps; in
# steps, the heap stayed at its cap through a whole load). After load, 2026-11-23: 267 MB before the
# drop, 272 MB with the drop alone, 255 and 237 MB with both (one run each).
cores=$(nproc 2>/dev/null || echo 2)
jvm=(-XX:+UseSerialGC -Xms16m "-Xmx$((64 + 24 * cores))m" -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30
     -XX:-ShrinkHeapInSteps -Xss512k -XX:ReservedCodeCacheSize=64m)
