"$LOVC" test tests/scenarios/skrivefejl.scn
