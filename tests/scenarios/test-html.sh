"$LOVC" test --html "$TMP/rapport.html" tests/scenarios/225-timer.scn; ls "$TMP"
