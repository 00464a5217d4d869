# SPDX-License-Identifier: Apache-2.0
"$LOVC" test --html "$TMP/rapport.html" tests/scenarios/225-timer.scn; ls "$TMP"
