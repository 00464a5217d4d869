"$LOVC" test tests/scenarios/svarfrist.scn
