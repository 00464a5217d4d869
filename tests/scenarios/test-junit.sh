# SPDX-License-Identifier: Apache-2.0
"$LOVC" test --junit "$TMP/rapport.xml" tests/scenarios/225-timer-fejl.scn tests/scenarios/svarfrist.scn >/dev/null; cat "$TMP/rapport.xml"
